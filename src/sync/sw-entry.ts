import { openDatabases } from '../db/connection';
import { runSyncCycle } from './sync-cycle';
import { createFetchTransport } from './transport';

/** The Background Sync tag the page registers and the service worker answers. */
export const SYNC_TAG = 'tinkuy-outbox';

/**
 * What the service worker calls on a Background Sync `sync` event: the same drain the page
 * runs, under the same Web Lock. It reads the access token from the user database's meta (the
 * worker has no window). Resolves when the outbox is empty or the drain gave up for now; it
 * never throws, so the browser does not retry in a loop — the page's own timer retries.
 */
export async function drainFromServiceWorker(): Promise<void> {
  let databases;
  try {
    databases = openDatabases();
    await runSyncCycle({ ...databases, transport: createFetchTransport() });
  } catch {
    // Storage missing or closed by a newer version: the page will sync when it opens.
  } finally {
    databases?.user.close();
    databases?.catalogue.close();
  }
}
