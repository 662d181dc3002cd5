/** `t` with the strings of an event's checklists loaded: import it from here in that area's files. */
import './es-pe/checklists';

export { t, tn, type CountedKey, type MessageKey } from './index';
