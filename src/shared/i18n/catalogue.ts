/** `t` with the strings of Catálogo loaded: import it from here in that area's files. */
import './es-pe/catalogue';

export { t, tn, type CountedKey, type MessageKey } from './index';
