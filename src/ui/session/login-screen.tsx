import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { isOnline } from '../../state/app-model';
import { currentUser, loadSession, login, LoginError, logout, needsLogin } from '../../state/session-model';
import { Icon } from '../shell/icons';
import { LoginForm, SignedInPanel, type LoginFailure } from './login-form';
import './session.css';
import { t } from '../../shared/i18n/session';

/** Más → Cuenta: a thin container over the session model — the login form, or who is signed in. */
export function LoginScreen() {
  const isBusy = useSignal(false);
  const failure = useSignal<LoginFailure | null>(null);
  const refusal = useSignal<string | null>(null);
  const notice = useSignal<string | null>(null);
  useEffect(() => {
    void loadSession().catch(() => undefined);
  }, []);

  async function handleLogin(email: string, password: string, newPassword?: string) {
    isBusy.value = true;
    failure.value = null;
    notice.value = null;
    try {
      await login(email, password, newPassword);
    } catch (error) {
      failure.value = error instanceof LoginError ? { message: error.message, field: error.field } : { message: String(error) };
    }
    isBusy.value = false;
  }

  async function handleLogout() {
    isBusy.value = true;
    refusal.value = await logout().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    if (refusal.value === null) notice.value = t('session.loggedOut');
    isBusy.value = false;
  }

  const user = currentUser.value;
  if (user && !needsLogin.value) {
    return <SignedInPanel user={user} isBusy={isBusy.value} refusal={refusal.value} onLogout={() => void handleLogout()} />;
  }
  return (
    <div class="session">
      {needsLogin.value ? (
        <p class="note note--attention" role="status">
          <Icon name="attention" />
          <span>{t('session.expired')}</span>
        </p>
      ) : (
        <p class="lead">{t('session.intro')}</p>
      )}
      {notice.value && <p role="status">{notice.value}</p>}
      <LoginForm
        key={user?.email ?? ''}
        initialEmail={user?.email ?? ''}
        isBusy={isBusy.value}
        isOffline={!isOnline.value}
        failure={failure.value}
        onSubmit={(email, password, newPassword) => void handleLogin(email, password, newPassword)}
      />
    </div>
  );
}
