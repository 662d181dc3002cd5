/** `t` with the strings of the form primitives loaded: import it from here in that area's files. */
import './es-pe/forms';

export { t, tn, type CountedKey, type MessageKey } from './index';
