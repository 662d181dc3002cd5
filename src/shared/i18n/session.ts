/** `t` with the strings of Más → Cuenta loaded: import it from here in that area's files. */
import './es-pe/session';

export { t, tn, type CountedKey, type MessageKey } from './index';
