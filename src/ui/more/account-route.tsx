import { LoginScreen } from '../session/login-screen';
import { t } from '../../shared/i18n/more';
import { MoreFrame } from './more-frame';

/** Más → Cuenta: the login screen (owned by the session area). */
export function AccountRoute() {
  return <MoreFrame title={t('more.account')}><LoginScreen /></MoreFrame>;
}
