import { formatDateTime } from '../../shared/calendar/lima-dates';
import { erasureLog, erasureLogLoad, loadErasureLog } from '../../state/admin-data-model';
import { AdminLoadStatus } from './admin-status';
import { t, tn } from '../../shared/i18n/admin';

/** The erasure log: when, who, how many, matched how — never whose data. */
export function ErasureLog() {
  const rows = erasureLog.value;
  return (
    <section aria-labelledby="admin-erasure-log">
      <h2 id="admin-erasure-log">{t('admin.erasure.log')}</h2>
      <AdminLoadStatus load={erasureLogLoad.value} onRetry={() => void loadErasureLog()} />
      {rows?.length === 0 && <p>{t('admin.erasure.log.empty')}</p>}
      {rows && rows.length > 0 && (
        <ul class="admin__log">
          {rows.map((row) => (
            <li key={row.id}>
              {tn('admin.erasure.log.row', row.count, {
                when: formatDateTime(row.erasedAt),
                who: row.erasedBy?.name ?? t('admin.someone'),
                how: t(row.matchedBy === 'name' ? 'admin.erasure.how.name' : 'admin.erasure.how.document'),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
