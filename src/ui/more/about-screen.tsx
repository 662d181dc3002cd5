import { ScreenHeader } from '../shell/screen-header';
import { t } from '../../shared/i18n/more';

/** Más → Acerca de: version, what Tinkuy is, and who runs the RED. */
export function AboutScreen() {
  return (
    <section class="screen">
      <ScreenHeader title={t('about.title')} backToMore />
      <p class="lead">{t('about.version', { version: __APP_VERSION__ })}</p>
      <p>{t('about.what')}</p>
      <p>{t('about.red')}</p>
      <p>{t('about.offline')}</p>
      <p>{t('about.privacy')}</p>
    </section>
  );
}
