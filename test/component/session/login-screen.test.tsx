import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useDatabases, type Databases } from '../../../src/db/connection';
import { readSession } from '../../../src/db/meta-store';
import { setTransport } from '../../../src/sync/transport';
import { loadSession } from '../../../src/state/session-model';
import { stopSync, syncNow } from '../../../src/state/sync-model';
import { LoginScreen } from '../../../src/ui/session/login-screen';
import { ERROR_MESSAGES } from '../../../src/shared/errors';
import { createDevice, emptyPage, json, queueEvents, scriptTransport, signIn } from '../../unit/sync/device-fixture';

let dbs: Databases;
beforeEach(async () => {
  dbs = createDevice();
  useDatabases(dbs);
  // The signed-in person lives in a module signal: start each test from this fresh device's (none).
  await loadSession();
  const { transport } = scriptTransport((request) => {
    if (request.path === '/api/auth/login') {
      const { password, newPassword } = request.body as { password: string; newPassword?: string };
      if (password === 'un-solo-uso' && !newPassword) return json(403, { error: { code: 'password_change_required', message: ERROR_MESSAGES.password_change_required } });
      if (password !== 'clave-correcta' && !(password === 'un-solo-uso' && newPassword === 'mi-clave-propia')) return json(401, { error: { code: 'invalid_credentials', message: ERROR_MESSAGES.invalid_credentials } });
      return json(200, { accessToken: 'a', refreshToken: 'refresh-0000000000000000000', expiresIn: 900, user: { id: 'u', email: 'ana@cultura.gob.pe', name: 'Ana Quispe', roles: ['gestor'] } });
    }
    if (request.path === '/api/auth/logout') return json(204, null);
    if (request.path === '/api/auth/refresh') return json(401, { error: { code: 'unauthorized', message: 'x' } });
    if (request.path === '/api/sync/push') return json(401, { error: { code: 'unauthorized', message: 'x' } });
    return emptyPage();
  });
  setTransport(transport);
});
afterEach(async () => {
  await stopSync();
  setTransport(undefined);
  useDatabases(undefined);
});

function fillAndSubmit(email: string, password: string) {
  fireEvent.input(screen.getByLabelText('Correo electrónico'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Contraseña'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Iniciar sesión' }));
}

describe('Más → Cuenta', () => {
  it('a wrong password is announced as an alert and nothing typed is lost', async () => {
    render(<LoginScreen />);
    fillAndSubmit('ana@cultura.gob.pe', 'otra');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(ERROR_MESSAGES.invalid_credentials);
    expect((screen.getByLabelText('Correo electrónico') as HTMLInputElement).value).toBe('ana@cultura.gob.pe');
    expect((screen.getByLabelText('Contraseña') as HTMLInputElement).value).toBe('otra');
  });

  it('a malformed email is refused before sending, and the email field is marked and focused', async () => {
    render(<LoginScreen />);
    fillAndSubmit('ana', 'x');
    expect((await screen.findByRole('alert')).textContent).toBe('Escriba un correo válido.');
    const email = screen.getByLabelText('Correo electrónico');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(email));
  });

  it('a one-time password asks for a password of her own, focused and explained, and sends both', async () => {
    render(<LoginScreen />);
    fillAndSubmit('ana@cultura.gob.pe', 'un-solo-uso');
    expect((await screen.findByRole('alert')).textContent).toBe(ERROR_MESSAGES.password_change_required);
    const own = await screen.findByLabelText('Su contraseña nueva');
    await waitFor(() => expect(document.activeElement).toBe(own));
    expect(own.getAttribute('autocomplete')).toBe('new-password');
    expect(own.getAttribute('aria-describedby')).toContain('session-newPassword-hint');
    fireEvent.input(own, { target: { value: 'corta' } });
    fireEvent.click(screen.getByRole('button', { name: 'Iniciar sesión' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/al menos 10 caracteres/));
    fireEvent.input(own, { target: { value: 'mi-clave-propia' } });
    fireEvent.click(screen.getByRole('button', { name: 'Iniciar sesión' }));
    await screen.findByText('Sesión iniciada: Ana Quispe');
  });

  it('a correct login shows who is signed in, with a way to log out', async () => {
    render(<LoginScreen />);
    fillAndSubmit('ana@cultura.gob.pe', 'clave-correcta');
    await screen.findByText('Sesión iniciada: Ana Quispe');
    expect(screen.getByText('Rol: gestor/a cultural')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cerrar sesión' })).toBeTruthy();
    expect((await readSession(dbs.user))?.user.name).toBe('Ana Quispe');
  });

  it('logout is refused, as an alert, while changes are unsent', async () => {
    await signIn(dbs, { user: { id: 'u', email: 'ana@cultura.gob.pe', name: 'Ana Quispe', roles: ['gestor'] } });
    await queueEvents(dbs, 1);
    render(<LoginScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cerrar sesión' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/cambios sin enviar/);
    expect(await readSession(dbs.user)).toBeDefined();
  });

  it('an expired session says so, keeps the changes and offers the login form with the email filled', async () => {
    await signIn(dbs, { user: { id: 'r', email: 'rosa@cultura.gob.pe', name: 'Rosa Mamani', roles: ['facilitador'] } });
    await queueEvents(dbs, 1);
    await syncNow();
    render(<LoginScreen />);
    await screen.findByText(/Su sesión terminó/);
    await waitFor(() => expect((screen.getByLabelText('Correo electrónico') as HTMLInputElement).value).toBe('rosa@cultura.gob.pe'));
    expect(await dbs.user.outbox.count()).toBe(1);
  });
});
