/** `t` with the strings of Más → Sincronización loaded: import it from here in that area's files. */
import './es-pe/sync';

export { t, tn, type CountedKey, type MessageKey } from './index';
