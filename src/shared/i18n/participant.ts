/** `t` with the strings of the participant's pages loaded: import it from here in that area's files. */
import './es-pe/participant';

export { t, tn, type CountedKey, type MessageKey } from './index';
