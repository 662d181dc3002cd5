/**
 * CONTRACT STUB — what the service worker calls on a Background Sync `sync` event: the same
 * drain the page runs, under the same Web Lock. Resolves when the outbox is empty or the drain
 * gave up for now (it never throws, so the browser does not retry in a loop).
 */
export async function drainFromServiceWorker(): Promise<void> {}

/** The Background Sync tag the page registers and the service worker answers. */
export const SYNC_TAG = 'tinkuy-outbox';
