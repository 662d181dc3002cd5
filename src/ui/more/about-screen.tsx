import { ScreenHeader } from '../shell/screen-header';
import { t } from '../../shared/i18n/more';
import { formatDateTime } from '../../shared/calendar/lima-dates';

/**
 * Más → Acerca de: version and build (the id /api/health also reports, so support can tell which
 * build a phone runs), what Tinkuy is, who runs the RED, and where its data comes from (INEI's
 * district directory, whose licence asks for this notice).
 */
export function AboutScreen() {
  return (
    <section class="screen">
      <ScreenHeader title={t('about.title')} backToMore />
      <p class="lead">{t('about.version', { version: __APP_VERSION__ })}</p>
      <p>{t('about.build', { id: __BUILD__.id, when: formatDateTime(__BUILD__.builtAt) })}</p>
      <p>{t('about.what')}</p>
      <p>{t('about.red')}</p>
      <p>{t('about.offline')}</p>
      <p>{t('about.privacy')}</p>
      <h2>{t('about.sources')}</h2>
      <p>{t('about.places')}</p>
    </section>
  );
}
