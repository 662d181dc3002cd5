import { formatDateTime } from '../../shared/calendar/lima-dates';
import { exportLog, exportLogLoad, loadExportLog } from '../../state/admin-data-model';
import { AdminLoadStatus, AdminOfflineNote } from './admin-status';
import { t, tn } from '../../shared/i18n/admin';
import { useLoadWhileOnline } from '../shell/online-only';

/** The server answers at most this many, newest first (EXPORT_LOG_LIMIT). */
const SHOWN_LIMIT = 500;

/** Administración → Registro de exportaciones: who exported which workshop's attendance, and when (Ley 29733). */
export function ExportsPanel() {
  useLoadWhileOnline(loadExportLog);
  const rows = exportLog.value;
  return (
    <>
      <AdminOfflineNote />
      <AdminLoadStatus load={exportLogLoad.value} onRetry={() => void loadExportLog()} />
      {rows?.length === 0 && <p>{t('admin.exports.empty')}</p>}
      {rows && rows.length > 0 && (
        <ul class="admin__list" aria-label={t('admin.exports')}>
          {rows.map((row) => (
            <li key={row.id} class="card">
              <h2 class="admin__account-name">{row.workshopTitle ?? t('admin.erasure.unknownWorkshop')}{row.workshopCode ? ` (${row.workshopCode})` : ''}</h2>
              <p>{tn('admin.exports.row', row.rows, { who: row.exportedBy ? `${row.exportedBy.name} (${row.exportedBy.email})` : t('admin.someone'), format: row.format.toUpperCase() })}</p>
              <p class="admin__muted">{t('admin.exports.when', { when: formatDateTime(row.exportedAt), logged: formatDateTime(row.loggedAt) })}</p>
            </li>
          ))}
        </ul>
      )}
      {rows && rows.length >= SHOWN_LIMIT && <p class="form-hint">{t('admin.exports.limit', { count: SHOWN_LIMIT })}</p>}
    </>
  );
}
