import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { StorageScreen } from '../../../src/ui/more/storage-screen';
import { formatBytes } from '../../../src/state/storage-model';
import { t } from '../../../src/shared/i18n';

const MiB = 1024 * 1024;

/**
 * jsdom has no StorageManager, and a browser's persistence decision cannot be caused on demand:
 * this stands in for `navigator.storage` with the answers a phone would give.
 */
function stubStorage(options: { usage: number; quota: number; persisted: boolean; grants: boolean }) {
  const calls = { persist: 0 };
  let persisted = options.persisted;
  const storage = {
    estimate: async () => ({ usage: options.usage, quota: options.quota }),
    persisted: async () => persisted,
    persist: async () => {
      calls.persist += 1;
      persisted = options.grants;
      return options.grants;
    },
  };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  return calls;
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
});

describe('the storage screen', () => {
  it('shows usage and quota in es-PE units and says the data is not protected yet', async () => {
    stubStorage({ usage: 5.5 * MiB, quota: 1200 * MiB, persisted: false, grants: true });
    render(<StorageScreen />);
    expect(await screen.findByText(t('storage.usage.value', { usage: '5.5 MB', quota: '1.2 GB' }))).toBeTruthy();
    expect(await screen.findByText(t('storage.persist.no'))).toBeTruthy();
  });

  it('asks the browser to keep the data on the tap and shows the new, protected state', async () => {
    const calls = stubStorage({ usage: 2 * MiB, quota: 500 * MiB, persisted: false, grants: true });
    render(<StorageScreen />);
    fireEvent.click(await screen.findByRole('button', { name: t('storage.persist.action') }));
    expect(await screen.findByText(t('storage.persist.granted'))).toBeTruthy();
    expect(await screen.findByText(t('storage.persist.yes'))).toBeTruthy();
    expect(calls.persist).toBe(1);
    expect(screen.queryByRole('button', { name: t('storage.persist.action') })).toBeNull();
  });

  it('explains a refusal in plain Spanish and keeps the button to try again', async () => {
    stubStorage({ usage: 2 * MiB, quota: 500 * MiB, persisted: false, grants: false });
    render(<StorageScreen />);
    fireEvent.click(await screen.findByRole('button', { name: t('storage.persist.action') }));
    expect(await screen.findByText(t('storage.persist.denied'))).toBeTruthy();
    expect(screen.getByText(t('storage.persist.no'))).toBeTruthy();
    expect(screen.getByRole('button', { name: t('storage.persist.action') })).toBeTruthy();
  });

  it('does not offer the button when the data is already protected', async () => {
    stubStorage({ usage: 0, quota: 100 * MiB, persisted: true, grants: true });
    render(<StorageScreen />);
    expect(await screen.findByText(t('storage.persist.yes'))).toBeTruthy();
    expect(screen.queryByRole('button', { name: t('storage.persist.action') })).toBeNull();
  });

  it('says so plainly in a browser without the storage API', async () => {
    render(<StorageScreen />);
    expect(await screen.findByText(t('storage.unsupported'))).toBeTruthy();
    expect(screen.queryByRole('button', { name: t('storage.persist.action') })).toBeNull();
  });
});

describe('byte sizes', () => {
  it.each([
    [0, '0 B'],
    [900, '900 B'],
    [1536, '1.5 KB'],
    [5.5 * MiB, '5.5 MB'],
    [1234 * MiB, '1.2 GB'],
  ])('%d bytes read as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
