import { describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/preact';
import { App } from '../../../src/ui/app';
import { t } from '../../../src/shared/i18n';
import { pendingCount, stopSync, syncNow, syncStatus } from '../../../src/state/sync-model';
import { useDatabases } from '../../../src/db/connection';
import { setTransport } from '../../../src/sync/transport';
import { createDevice, emptyPage } from '../../unit/sync/device-fixture';
import { describeSync } from '../../../src/ui/shell/top-bar';

function connectionStatus(): string {
  const group = screen.getByRole('group', { name: t('shell.statusLabel') });
  const status = group.querySelector('[role="status"]');
  return status?.textContent ?? '';
}

describe('the connection indicator in the top bar', () => {
  it('says "Sin conexión" when the browser goes offline and "En línea" when it comes back', async () => {
    history.replaceState(null, '', '/');
    render(<App />);
    expect(connectionStatus()).toBe(t('shell.online'));

    await act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(connectionStatus()).toBe(t('shell.offline'));
    expect(screen.getByText(t('shell.offline'))).toBeTruthy();

    await act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(connectionStatus()).toBe(t('shell.online'));
  });

  it('says "Sin conexión" while the network is up but the server does not answer, and "En línea" once a round gets through', async () => {
    useDatabases(createDevice());
    try {
      // The server is down (a refused connection), then back; the device's network never changes.
      let isServerUp = false;
      setTransport(async () => {
        if (!isServerUp) throw new TypeError('Failed to fetch');
        return emptyPage();
      });
      history.replaceState(null, '', '/');
      render(<App />);
      await act(() => syncNow());
      expect(navigator.onLine).toBe(true);
      expect(connectionStatus()).toBe(t('shell.offline'));
      isServerUp = true;
      await act(() => syncNow());
      expect(connectionStatus()).toBe(t('shell.online'));
    } finally {
      await stopSync();
      setTransport(undefined);
      useDatabases(undefined);
    }
  });

  it('shows the sync badge as a link to Más → Sincronización with a word, not only a colour', () => {
    history.replaceState(null, '', '/');
    render(<App />);
    const group = within(screen.getByRole('group', { name: t('shell.statusLabel') }));
    const badge = group.getByRole('link');
    expect(badge.getAttribute('href')).toBe('/mas/sincronizacion');
    const word = describeSync(pendingCount.value, syncStatus.value.phase).text;
    expect(word.length).toBeGreaterThan(0);
    expect(badge.textContent).toBe(`${t('shell.sync.prefix')} ${word}`);
    expect(badge.querySelector('svg')).toBeTruthy();
  });
});

describe('the words of the sync badge', () => {
  it.each([
    [3, 'starting', t('shell.sync.starting')],
    [0, 'idle', t('shell.sync.upToDate')],
    [3, 'idle', t('shell.sync.pending', { count: 3 })],
    [1200, 'offline', '1,200 por enviar'],
    [3, 'syncing', t('shell.sync.syncing')],
    [0, 'syncing', t('shell.sync.receiving')],
    [3, 'error', t('shell.sync.error')],
    [3, 'needs-login', t('shell.sync.needsLogin')],
  ] as const)('%d pending while %s reads "%s"', (pending, phase, text) => {
    expect(describeSync(pending, phase).text).toBe(text);
  });

  it.each([
    [0, 1, '1 no aceptado', 'attention'],
    [0, 4, '4 no aceptados', 'attention'],
    [2, 1, '2 por enviar', 'pending'],
  ] as const)('%d pending and %d refused reads "%s", never «Al día»', (pending, refused, text, tone) => {
    expect(describeSync(pending, 'idle', refused)).toMatchObject({ text, tone });
  });
});
