import type { Databases } from '../../../src/db/connection';
import { stopSync } from '../../../src/state/sync-model';
import { setTransport } from '../../../src/sync/transport';
import { useFreshDevice } from './device-fixture';

/** A fresh device per test for tests that start the sync: stopped, transport cleared, uninstalled after. */
export function useSyncingDevice(now: () => number, onDevice: (dbs: Databases) => void): void {
  useFreshDevice({
    now,
    onDevice,
    cleanUp: async () => {
      await stopSync();
      setTransport(undefined);
    },
  });
}
