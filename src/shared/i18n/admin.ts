/** `t` with the strings of Más → Administración loaded: import it from here in that area's files. */
import './es-pe/admin';

export { t, tn, type CountedKey, type MessageKey } from './index';
