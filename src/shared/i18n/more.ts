/** `t` with the strings of Más, Almacenamiento and Acerca de loaded: import it from here in that area's files. */
import './es-pe/more';

export { t, tn, type CountedKey, type MessageKey } from './index';
