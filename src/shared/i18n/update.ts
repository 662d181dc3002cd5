/** `t` with the update prompt's strings loaded: import it from here in that prompt. */
import './es-pe/update';

export { t } from './index';
