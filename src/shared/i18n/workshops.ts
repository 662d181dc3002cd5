/** `t` with the strings of Talleres loaded: import it from here in that area's files. */
import './es-pe/workshops';

export { t, tn, type CountedKey, type MessageKey } from './index';
