/**
 * The phone's service worker, seen and driven from the test: who sent each push (tab or
 * worker), and its Background Sync `sync` event fired on demand, as Chromium fires it when the
 * connection comes back.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';

/** Counts push requests in the context, telling the page's from the service worker's. */
export function countPushes(context: BrowserContext): { page: number; worker: number } {
  const counts = { page: 0, worker: 0 };
  context.on('request', (request) => {
    if (!request.url().endsWith('/api/sync/push')) return;
    if (request.serviceWorker()) counts.worker += 1;
    else counts.page += 1;
  });
  return counts;
}

/**
 * Finds the origin's service worker registration through CDP once; the function it returns fires
 * the worker's Background Sync `sync` event (as Chromium does when the connection comes back).
 */
export async function prepareWorkerSync(cdp: CDPSession, origin: string, tag: string): Promise<() => Promise<void>> {
  const registrationId = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('No se vio ningún service worker registrado (CDP).')), 10_000);
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const found = registrations.find((r) => new URL(r.scopeURL).origin === new URL(origin).origin && !r.isDeleted);
      if (found) {
        clearTimeout(timer);
        resolve(found.registrationId);
      }
    });
    cdp.send('ServiceWorker.enable').catch(reject);
  });
  return async () => {
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin, registrationId, tag, lastChance: false });
  };
}
