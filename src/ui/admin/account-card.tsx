import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { formatDateTime } from '../../shared/calendar/lima-dates';
import type { AdminAccount, AdminDevice } from '../../shared/schemas/admin';
import { closeAdminSession, resetAdminPassword, setAdminAccountActive, type AdminOutcome } from '../../state/admin-model';
import { currentUser } from '../../state/session-model';
import { ActionNoteLine, type ActionNote } from './admin-status';
import { ConfirmStep } from './confirm-step';
import { t } from '../../shared/i18n/admin';

type Asking = 'disable' | 'reset' | null;

const toNote = (outcome: AdminOutcome, done: string): ActionNote =>
  outcome.ok ? (done ? { tone: 'done', text: done } : null) : { tone: 'refused', text: outcome.offline ? t('admin.offline') : outcome.message };

/** One account: who, roles, active or not; turn off/on, a new password, and its devices with «Cerrar». */
export function AccountCard({ account }: { account: AdminAccount }) {
  const asking = useSignal<Asking>(null);
  const isBusy = useSignal(false);
  const note = useSignal<ActionNote>(null);
  const isSelf = currentUser.value?.id === account.id;
  const actions = useRef<HTMLDivElement>(null);
  const asked = useRef<Asking>(null);
  useEffect(() => {
    if (asking.value !== null) return void (asked.current = asking.value);
    // The question is gone (answered or cancelled): focus returns to the button that asked it,
    // or the first action, instead of falling to the page.
    if (asked.current === null) return;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost) (actions.current?.querySelector<HTMLButtonElement>(`[data-asks="${asked.current}"]`) ?? actions.current?.querySelector('button'))?.focus();
    asked.current = null;
  }, [asking.value]);
  const run = async (work: () => Promise<AdminOutcome>, done: string) => {
    isBusy.value = true;
    const outcome = await work();
    isBusy.value = false;
    asking.value = null;
    note.value = toNote(outcome, done);
  };
  const titleId = `admin-account-${account.id}`;
  return (
    <li class="card admin__account" aria-labelledby={titleId}>
      <h2 id={titleId} class="admin__account-name">
        {account.name} {isSelf && <span class="admin__muted">{t('admin.account.you')}</span>}
      </h2>
      <p class="admin__email">{account.email}</p>
      <p>{t('admin.account.roles', { roles: account.roles.map((r) => t(`admin.role.${r}`)).join(', ') })}</p>
      <p class={account.active ? 'admin__state admin__state--on' : 'admin__state admin__state--off'}>
        {account.active ? t('admin.account.active') : t('admin.account.disabled')}
      </p>
      {account.mustChangePassword && <p class="admin__muted">{t('admin.account.mustChange')}</p>}
      <ActionNoteLine note={note.value} />
      {asking.value === null && (
        <div class="admin__actions" ref={actions}>
          {account.active
            ? !isSelf && <button type="button" class="button button--secondary" data-asks="disable" onClick={() => (asking.value = 'disable')}>{t('admin.account.disable')}</button>
            : <button type="button" class="button button--secondary" disabled={isBusy.value} onClick={() => void run(() => setAdminAccountActive(account.id, true), t('admin.account.enabledDone', { name: account.name }))}>{t('admin.account.enable')}</button>}
          <button type="button" class="button button--secondary" data-asks="reset" onClick={() => (asking.value = 'reset')}>{t('admin.account.reset')}</button>
        </div>
      )}
      {asking.value === 'disable' && (
        <ConfirmStep question={t('admin.account.confirmDisable', { name: account.name })} isBusy={isBusy.value} onNo={() => (asking.value = null)}
          onYes={() => void run(() => setAdminAccountActive(account.id, false), t('admin.account.disabledDone', { name: account.name }))} />
      )}
      {asking.value === 'reset' && (
        <ConfirmStep question={t('admin.account.confirmReset', { name: account.name })} isBusy={isBusy.value} onNo={() => (asking.value = null)}
          onYes={() => void run(() => resetAdminPassword(account.id), '')} />
      )}
      <h3 class="admin__subtitle">{t('admin.devices')}</h3>
      {account.devices.length === 0 ? <p class="admin__muted">{t('admin.devices.none')}</p> : (
        <ul class="admin__devices">
          {account.devices.map((device) => <DeviceRow key={device.id} device={device} onClosed={(text) => (note.value = text)} />)}
        </ul>
      )}
    </li>
  );
}

const when = (iso: string | null) => (iso ? formatDateTime(iso) : t('admin.device.never'));

function DeviceRow({ device, onClosed }: { device: AdminDevice; onClosed(note: ActionNote): void }) {
  const isBusy = useSignal(false);
  const close = async () => {
    isBusy.value = true;
    const outcome = await closeAdminSession(device.id);
    isBusy.value = false;
    onClosed(toNote(outcome, t('admin.device.closed', { device: device.deviceName })));
  };
  return (
    <li class="admin__device">
      <p><strong>{device.deviceName}</strong></p>
      <p class="admin__muted">{t('admin.device.used', { when: when(device.lastUsedAt) })}</p>
      <p class="admin__muted">{t('admin.device.push', { when: when(device.lastPushAt) })}</p>
      <p class="admin__muted">{t('admin.device.pull', { when: when(device.lastPullAt) })}</p>
      <button type="button" class="button button--secondary" disabled={isBusy.value} onClick={() => void close()}>
        {t('admin.device.close', { device: device.deviceName })}
      </button>
    </li>
  );
}
