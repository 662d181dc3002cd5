import { SyncScreen } from '../sync/sync-screen';
import { ScreenHeader } from '../shell/screen-header';
import { t } from '../../shared/i18n/more';

/** Más → Sincronización: the sync screen (owned by the sync area) inside the shell's frame. */
export function SyncRoute() {
  return (
    <section class="screen">
      <ScreenHeader title={t('more.sync')} backToMore />
      <SyncScreen />
    </section>
  );
}
