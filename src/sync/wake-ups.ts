import type { SyncScheduler } from './scheduler';

/**
 * What wakes the page's sync besides writes and its timer: coming back online and the tab
 * becoming visible. Background Sync is only a wake-up call for the service worker (Chromium);
 * the page drains without it. Page only (`window`, `document`): the service worker's compile
 * (src/sw/tsconfig.json) leaves this file and sync-service.ts out.
 */

/** Wakes `scheduler` on `online` and when the tab becomes visible; returns the undo. */
export function wireWakeUps(scheduler: Pick<SyncScheduler, 'wake'>): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const onOnline = () => void scheduler.wake();
  const onVisible = () => {
    if (document.visibilityState === 'visible') void scheduler.wake();
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
  };
}

/**
 * Live screens (#10): every `intervalMs` while the tab is visible and online, asks `check`
 * whether the server has news and wakes `scheduler` when it does. A hidden tab asks nothing
 * (becoming visible runs a whole round anyway, then the 30-s rhythm starts again). Returns the undo.
 */
export function wireLiveCheck(check: () => Promise<boolean>, scheduler: Pick<SyncScheduler, 'wake'>, intervalMs: number): () => void {
  if (typeof window === 'undefined') return () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const isWatching = () => document.visibilityState === 'visible' && navigator.onLine;
  const schedule = () => {
    clearTimeout(timer);
    timer = isWatching() ? setTimeout(tick, intervalMs) : undefined;
  };
  const tick = async () => {
    if (isWatching() && (await check().catch(() => false))) await scheduler.wake();
    schedule();
  };
  document.addEventListener('visibilitychange', schedule);
  window.addEventListener('online', schedule);
  window.addEventListener('offline', schedule);
  schedule();
  return () => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', schedule);
    window.removeEventListener('online', schedule);
    window.removeEventListener('offline', schedule);
  };
}

/** A registration with the part Background Sync adds (not in TypeScript's DOM library yet). */
type SyncRegistration = ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };

/** Asks the service worker for a `sync` event under `tag` once a connection returns; silent where unsupported. */
export async function registerBackgroundSync(tag: string): Promise<void> {
  const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  const registration: SyncRegistration | undefined = await container?.getRegistration().catch(() => undefined);
  await registration?.sync?.register(tag).catch(() => undefined);
}
