import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/preact';
import { App } from '../../../src/ui/app';
import { t } from '../../../src/shared/i18n';

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

    await act(() => window.dispatchEvent(new Event('offline')));
    expect(connectionStatus()).toBe(t('shell.offline'));
    expect(screen.getByText(t('shell.offline'))).toBeTruthy();

    await act(() => window.dispatchEvent(new Event('online')));
    expect(connectionStatus()).toBe(t('shell.online'));
  });

  it('shows the sync badge as a link to Más → Sincronización with a word, not only a colour', () => {
    history.replaceState(null, '', '/');
    render(<App />);
    const badge = screen.getByRole('link', { name: new RegExp(t('shell.sync.upToDate')) });
    expect(badge.getAttribute('href')).toBe('/mas/sincronizacion');
    expect(badge.textContent).toContain(t('shell.sync.upToDate'));
  });
});
