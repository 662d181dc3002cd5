import { SyncScreen } from '../sync/sync-screen';
import { t } from '../../shared/i18n/more';
import { MoreFrame } from './more-frame';

/** Más → Sincronización: the sync screen (owned by the sync area). */
export function SyncRoute() {
  return <MoreFrame title={t('more.sync')}><SyncScreen /></MoreFrame>;
}
