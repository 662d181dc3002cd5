/** `t` with the strings of the catalogue editor loaded: import it from here in that area's files. */
import './es-pe/editor';

export { t, tn, type CountedKey, type MessageKey } from './index';
