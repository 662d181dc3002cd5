import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { resetInstallPrompt, watchInstallPrompt } from '../../../src/state/install-model';
import { HomeScreen } from '../../../src/ui/home/home-screen';
import { t } from '../../../src/shared/i18n';
import { useFreshDevice } from '../../unit/sync/device-fixture';

useFreshDevice({ onDevice: () => undefined });
beforeEach(() => {
  resetInstallPrompt();
  watchInstallPrompt();
});
afterEach(() => resetInstallPrompt());

/** What Chromium fires when the app can be installed: the app keeps it and prompts later. */
function offerInstallation(outcome: 'accepted' | 'dismissed') {
  const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
    prompt: vi.fn(async () => undefined),
    userChoice: Promise.resolve({ outcome }),
  });
  act(() => void window.dispatchEvent(event));
  return event;
}

describe('«Instalar Tinkuy» on Inicio', () => {
  it('where the browser offers no prompt (iPhone, Firefox), says how to install from its menu', () => {
    render(<HomeScreen />);
    expect(screen.queryByRole('button', { name: t('home.install') })).toBeNull();
    fireEvent.click(screen.getByText(t('home.install.how')));
    expect(screen.getByText(t('home.install.ios'))).toBeTruthy();
    expect(screen.getByText(t('home.install.android'))).toBeTruthy();
  });

  it('where it does, a button opens the browser’s own prompt, and an installed app offers nothing more', async () => {
    render(<HomeScreen />);
    const event = offerInstallation('accepted');
    expect(event.defaultPrevented).toBe(true);
    fireEvent.click(await screen.findByRole('button', { name: t('home.install') }));
    expect(event.prompt).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('button', { name: t('home.install') })).toBeNull());
    expect(screen.queryByText(t('home.install.how'))).toBeNull();
  });

  it('a dismissed prompt goes back to the instructions (the browser offers it again later)', async () => {
    render(<HomeScreen />);
    offerInstallation('dismissed');
    fireEvent.click(await screen.findByRole('button', { name: t('home.install') }));
    await screen.findByText(t('home.install.how'));
  });
});
