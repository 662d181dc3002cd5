/** `t` with the strings of Más → Panorama de la RED loaded: import it from here in that area's files. */
import './es-pe/national';

export { t, tn, type CountedKey, type MessageKey } from './index';
