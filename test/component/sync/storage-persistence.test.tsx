import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useDatabases } from '../../../src/db/connection';
import { setTransport } from '../../../src/sync/transport';
import { isStoragePersisted, shouldWarnUnpersisted, startSync, stopSync, syncNow } from '../../../src/state/sync-model';
import { saveEvent } from '../../../src/state/event-model';
import { createDevice, makeEvent, waitForSignal } from '../../unit/sync/device-fixture';

/**
 * jsdom has no StorageManager, so this stands in for Chromium's: it grants or refuses
 * persistence and counts how often it was asked.
 */
function installStorageManager(grant: boolean) {
  const calls = { persist: 0 };
  let isPersisted = false;
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: {
      persist: async () => {
        calls.persist += 1;
        isPersisted = grant;
        return grant;
      },
      persisted: async () => isPersisted,
      estimate: async () => ({ usage: 1024, quota: 1024 * 1024 }),
    },
  });
  return calls;
}

beforeEach(() => {
  useDatabases(createDevice());
  setTransport(() => Promise.reject(new TypeError('offline')));
});
afterEach(async () => {
  await stopSync();
  setTransport(undefined);
  useDatabases(undefined);
  delete (navigator as { storage?: unknown }).storage;
});

describe('keeping unsent changes safe from eviction', () => {
  it('asks the browser to persist storage after the first save, and only once', async () => {
    const calls = installStorageManager(true);
    startSync();
    await syncNow();
    expect(calls.persist).toBe(0);
    await saveEvent(makeEvent());
    await waitForSignal(() => isStoragePersisted.value, (value) => value === true);
    await saveEvent(makeEvent());
    expect(calls.persist).toBe(1);
    expect(shouldWarnUnpersisted.value).toBe(false);
  });

  it('warns while unsent changes sit in storage the browser refused to persist', async () => {
    installStorageManager(false);
    startSync();
    await syncNow();
    expect(shouldWarnUnpersisted.value).toBe(false);
    await saveEvent(makeEvent());
    await waitForSignal(() => shouldWarnUnpersisted.value, (value) => value);
    expect(isStoragePersisted.value).toBe(false);
  });
});
