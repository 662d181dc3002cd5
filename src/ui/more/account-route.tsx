import { LoginScreen } from '../session/login-screen';
import { ScreenHeader } from '../shell/screen-header';
import { t } from '../../shared/i18n/more';

/** Más → Cuenta: the login screen (owned by the session area) inside the shell's frame. */
export function AccountRoute() {
  return (
    <section class="screen">
      <ScreenHeader title={t('more.account')} backToMore />
      <LoginScreen />
    </section>
  );
}
