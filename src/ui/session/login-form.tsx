import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useSignal, type Signal } from '@preact/signals';
import { MIN_OWN_PASSWORD, type SessionUser } from '../../shared/protocol';
import { Icon } from '../shell/icons';
import { Checkbox, Field } from '../forms/field';
import { t, type MessageKey } from '../../shared/i18n/more';
import '../../shared/i18n/session';
import { AlertNote } from '../shell/alert-note';

/** A failed login: the Spanish reason and, when one input is at fault, which. */
export interface LoginFailure {
  message: string;
  field?: 'email' | 'password' | 'newPassword' | undefined;
}

/** The login form's inputs and outcome, as plain values; it keeps what was typed across failures. */
export interface LoginFormProps {
  initialEmail?: string;
  isBusy: boolean;
  isOffline: boolean;
  failure: LoginFailure | null;
  /** `newPassword` only once the server asked for one (a one-time password). */
  onSubmit(email: string, password: string, newPassword?: string): void;
}

/** Email + password with labels; the error is announced (role=alert) and the faulty field gets focus. */
export function LoginForm({ initialEmail = '', isBusy, isOffline, failure, onSubmit }: LoginFormProps) {
  const email = useSignal(initialEmail);
  const password = useSignal('');
  const newPassword = useSignal('');
  const showPassword = useSignal(false);
  // Once the server said the password was a one-time one, the form keeps asking for the person's own.
  const asksNewPassword = useSignal(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const newPasswordRef = useRef<HTMLInputElement>(null);
  const errorField = failure?.field;
  const isAskingNewPassword = asksNewPassword.value || errorField === 'newPassword';

  function handleSubmit(event: Event) {
    event.preventDefault();
    onSubmit(email.value, password.value, isAskingNewPassword ? newPassword.value : undefined);
  }

  useEffect(() => {
    if (errorField === 'newPassword') asksNewPassword.value = true;
    // Move focus to the field to fix once per failure, never while the person is typing.
    if (failure) ({ password: passwordRef, newPassword: newPasswordRef, email: emailRef }[errorField ?? 'email']).current?.focus();
  }, [failure]);

  return (
    <form class="form session__form" onSubmit={handleSubmit} noValidate aria-busy={isBusy}>
      <Field id="session-email" label={t('session.email')}>
        <SessionInput field="email" inputRef={emailRef} value={email} failure={failure} type="email" autocomplete="username" inputMode="email" />
      </Field>
      <Field id="session-password" label={t('session.password')}>
        <SessionInput
          field="password"
          inputRef={passwordRef}
          value={password}
          failure={failure}
          type={showPassword.value ? 'text' : 'password'}
          autocomplete="current-password"
        />
      </Field>
      {isAskingNewPassword && (
        <Field id="session-newPassword" label={t('session.newPassword')} hint={t('session.newPassword.hint', { min: MIN_OWN_PASSWORD })}>
          <SessionInput field="newPassword" inputRef={newPasswordRef} value={newPassword} failure={failure} type={showPassword.value ? 'text' : 'password'} autocomplete="new-password" hasHint />
        </Field>
      )}
      <Checkbox label={t('session.showPassword')} checked={showPassword.value} onToggle={(checked) => (showPassword.value = checked)} />
      {failure && <AlertNote id="session-error">{failure.message}</AlertNote>}
      {isOffline && <p class="note note--pending">{t('session.offlineHint')}</p>}
      <button type="submit" class="button" disabled={isBusy}>
        {isBusy ? t('session.submitting') : t('session.submit')}
      </button>
    </form>
  );
}

/** Who is signed in, and the way out. */
export interface SignedInPanelProps {
  user: SessionUser;
  isBusy: boolean;
  /** Why logout was refused (unsent changes), or null. */
  refusal: string | null;
  onLogout(): void;
}

const ROLE_KEYS: Record<string, MessageKey> = {
  gestor: 'session.role.gestor',
  facilitador: 'session.role.facilitador',
  coordinador: 'session.role.coordinador',
};

/** The signed-in state: name, email, roles and "Cerrar sesión". */
export function SignedInPanel({ user, isBusy, refusal, onLogout }: SignedInPanelProps) {
  const roles = user.roles.map((role) => (ROLE_KEYS[role] ? t(ROLE_KEYS[role]) : role)).join(', ');
  return (
    <div class="session__signed-in">
      <p class="note note--done">
        <Icon name="user" />
        <strong>{t('session.signedInAs', { name: user.name })}</strong>
      </p>
      <p>{user.email}</p>
      <p>{t('session.roles', { roles })}</p>
      <p>{t('session.logout.note')}</p>
      {refusal && <AlertNote>{refusal}</AlertNote>}
      <button type="button" class="button button--secondary" onClick={onLogout} disabled={isBusy}>
        {isBusy ? t('session.logout.busy') : t('session.logout')}
      </button>
      {refusal && (
        <a class="button button--secondary" href="/mas/sincronizacion">{t('more.sync')}</a>
      )}
    </div>
  );
}

interface SessionInputProps {
  field: 'email' | 'password' | 'newPassword';
  inputRef: RefObject<HTMLInputElement | null>;
  value: Signal<string>;
  failure: LoginFailure | null;
  type: 'email' | 'password' | 'text';
  autocomplete: string;
  inputMode?: 'email';
  hasHint?: boolean;
}

/** One of the login's two inputs: required, bound to its signal, marked invalid when the failure names it. */
function SessionInput({ field, inputRef, value, failure, type, autocomplete, inputMode, hasHint = false }: SessionInputProps) {
  const describedBy = [hasHint ? `session-${field}-hint` : '', failure ? 'session-error' : ''].filter(Boolean).join(' ');
  return (
    <input
      id={`session-${field}`}
      ref={inputRef}
      type={type as 'password'}
      name={field}
      autocomplete={autocomplete}
      inputMode={inputMode}
      required
      value={value.value}
      onInput={(e) => (value.value = e.currentTarget.value)}
      aria-invalid={failure?.field === field ? 'true' : undefined}
      aria-describedby={describedBy || undefined}
    />
  );
}
