import { adminAccounts, adminLoad, loadAdminAccounts, shownPassword } from '../../state/admin-model';
import { AccountCard } from './account-card';
import { AdminLoadStatus, AdminOfflineNote } from './admin-status';
import { NewAccountForm } from './new-account-form';
import { OneTimePassword } from './one-time-password';
import { t } from '../../shared/i18n/admin';
import { useLoadWhileOnline } from '../shell/online-only';

/** Administración → Cuentas: a one-time password when one was just made, «Agregar cuenta», and every account. */
export function AccountsPanel() {
  const online = useLoadWhileOnline(loadAdminAccounts);
  const accounts = adminAccounts.value;
  const shown = shownPassword.value;
  return (
    <>
      <AdminOfflineNote />
      {shown && <OneTimePassword shown={shown} />}
      {online && <NewAccountForm />}
      <AdminLoadStatus load={adminLoad.value} onRetry={() => void loadAdminAccounts()} />
      {accounts?.length === 0 && <p>{t('admin.accounts.empty')}</p>}
      {accounts && accounts.length > 0 && (
        <ul class="admin__list" aria-label={t('admin.accounts')}>
          {accounts.map((account) => <AccountCard key={account.id} account={account} />)}
        </ul>
      )}
    </>
  );
}
