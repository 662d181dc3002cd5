/**
 * Loads every area of the string catalogue, so a test can word what it expects with `t()` from
 * `src/shared/i18n` whatever screen it drives. Component tests do not use it: there each screen
 * must load its own areas, as in the app (and `test/lint/i18n.test.ts` checks the imports).
 */
import '../../src/shared/i18n/es-pe/catalogue';
import '../../src/shared/i18n/es-pe/checklists';
import '../../src/shared/i18n/es-pe/editor';
import '../../src/shared/i18n/es-pe/events';
import '../../src/shared/i18n/es-pe/forms';
import '../../src/shared/i18n/es-pe/more';
import '../../src/shared/i18n/es-pe/participant';
import '../../src/shared/i18n/es-pe/session';
import '../../src/shared/i18n/es-pe/sync';
import '../../src/shared/i18n/es-pe/update';
import '../../src/shared/i18n/es-pe/workshops';
