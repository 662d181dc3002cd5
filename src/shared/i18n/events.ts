/** `t` with the strings of Eventos loaded: import it from here in that area's files. */
import './es-pe/events';

export { t, tn, type CountedKey, type MessageKey } from './index';
