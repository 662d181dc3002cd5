import { formatDateTime } from '../../shared/calendar/lima-dates';
import type { AdminAccount } from '../../shared/schemas/admin';
import { adminAccounts, adminLoad, loadAdminAccounts } from '../../state/admin-model';
import { AdminLoadStatus, AdminOfflineNote } from './admin-status';
import { t, tn } from '../../shared/i18n/admin';
import { useLoadWhileOnline } from '../shell/online-only';

const when = (iso: string | null) => (iso ? formatDateTime(iso) : t('admin.device.never'));

/** Administración → ¿Quién sincronizó y cuándo?: per account, each device's last push and pull, and its refused changes. */
export function ActivityPanel() {
  useLoadWhileOnline(loadAdminAccounts);
  const accounts = adminAccounts.value;
  return (
    <>
      <AdminOfflineNote />
      <p>{t('admin.activity.intro')}</p>
      <AdminLoadStatus load={adminLoad.value} onRetry={() => void loadAdminAccounts()} />
      {accounts && (
        <>
          <ul class="admin__list" aria-label={t('admin.activity')}>
            {accounts.map((account) => <AccountActivity key={account.id} account={account} />)}
          </ul>
          <p class="form-hint">{t('admin.refusals.note')}</p>
        </>
      )}
    </>
  );
}

function AccountActivity({ account }: { account: AdminAccount }) {
  const { refusals } = account;
  return (
    <li class="card admin__account">
      <h2 class="admin__account-name">{account.name}</h2>
      <p class="admin__email">{account.email}{account.active ? '' : ` · ${t('admin.account.disabled')}`}</p>
      {account.devices.length === 0 ? <p class="admin__muted">{t('admin.devices.none')}</p> : (
        <ul class="admin__devices">
          {account.devices.map((device) => (
            <li key={device.id} class="admin__device">
              <p><strong>{device.deviceName}</strong></p>
              <p>{t('admin.device.push', { when: when(device.lastPushAt) })}</p>
              <p>{t('admin.device.pull', { when: when(device.lastPullAt) })}</p>
            </li>
          ))}
        </ul>
      )}
      {refusals.count === 0
        ? <p class="admin__muted">{t('admin.refusals.none')}</p>
        : <p class="admin__refusals">{tn('admin.refusals', refusals.count, { when: when(refusals.lastAt), message: refusals.lastMessage ?? '' })}</p>}
    </li>
  );
}
