/**
 * A newcomer's first start (README): with no coordinador configured, the server makes
 * admin@tinkuy.local and prints its one-time password once. In the app, Más → Cuenta with it asks
 * for a password of one's own, which opens the session; the printed one opens nothing after.
 */
import { expect, it } from 'vitest';
import { DEFAULT_ADMIN_EMAIL } from '../../src/server/auth/bootstrap';
import '../../src/shared/i18n/es-pe/more';
import '../../src/shared/i18n/es-pe/session';
import { describeE2E } from '../helpers/e2e-rig';
import { logInChoosingOwnPassword } from '../helpers/e2e-steps';

/** The password the server printed on its first start (its log is JSON lines in the rig). */
function printedPassword(logs: string): string {
  for (const line of logs.split('\n')) {
    if (!line.startsWith('{')) continue;
    const parsed = JSON.parse(line) as { oneTimePassword?: unknown };
    if (typeof parsed.oneTimePassword === 'string') return parsed.oneTimePassword;
  }
  throw new Error(`el servidor no imprimió una contraseña de un solo uso:\n${logs}`);
}

const logInOverHttp = (url: string, password: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEFAULT_ADMIN_EMAIL, password }),
  });

describeE2E('the first start, with no coordinador configured', (rig) => {
  it('the printed password is one-time: the app asks for her own, and only that one opens a session after', async () => {
    const printed = printedPassword(rig.server.logs());
    const own = 'coordinacion-dgia-lima-2026';
    await rig.phone({ name: 'la coordinación, el primer día' }, async ({ page }) => {
      await logInChoosingOwnPassword(page, { email: DEFAULT_ADMIN_EMAIL, oneTime: printed, own, name: 'Coordinación' });
    });
    expect((await logInOverHttp(rig.server.url, printed)).status).toBe(401);
    expect((await logInOverHttp(rig.server.url, own)).status).toBe(200);
  });
}, { env: { TINKUY_ADMIN_EMAIL: '', TINKUY_ADMIN_PASSWORD: '' } });
