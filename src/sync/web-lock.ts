/** The Web Lock every tab and the service worker take before touching the outbox over the network. */
export const SYNC_LOCK_NAME = 'tinkuy-sync';

let tail: Promise<unknown> = Promise.resolve();

interface LockNavigator {
  locks?: { request<T>(name: string, callback: () => Promise<T>): Promise<T> };
}

/**
 * Runs `task` while holding the sync lock, so two tabs and the service worker never push at
 * once. Where `navigator.locks` is missing (Node tests, old browsers) an in-page mutex serialises
 * the callers of this page instead.
 */
export function withSyncLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: LockNavigator }).navigator?.locks;
  if (locks) return locks.request(SYNC_LOCK_NAME, task);
  const run = tail.then(task, task);
  tail = run.catch(() => undefined);
  return run;
}
