/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import type { RouteHandlerCallbackOptions } from 'workbox-core';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { drainFromServiceWorker, SYNC_TAG } from '../sync/sw-entry';
import { choosePage, SHELL_PAGES } from '../shared/shell-pages';

/*
 * The service worker: the whole app from the precache (so it opens with no signal), the page's
 * HTML for any in-app address, never for /api/, a new version only on the person's word, and
 * Background Sync as one more wake-up for the same outbox drain the page runs.
 */

declare const self: ServiceWorkerGlobalScope;

/** Background Sync's event (Chromium only; absent from TypeScript's WebWorker lib). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Without this the first visit stays uncontrolled until a reload (prompt mode never skips waiting).
clientsClaim();

// Offline, /eventos or /mas/cuenta opens the app shell (its page for that address, as the server
// picks it); /api/* must fail as the network does.
const pageHandlers = new Map(Object.values(SHELL_PAGES).map((page) => [page, createHandlerBoundToURL(page)]));
const answerWithPage = (options: RouteHandlerCallbackOptions) => pageHandlers.get(choosePage(options.url.pathname))!(options);
registerRoute(new NavigationRoute(answerWithPage, { denylist: [/^\/api(\/|$)/] }));

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('sync', (event) => {
  const syncEvent = event as SyncEvent;
  if (syncEvent.tag === SYNC_TAG) syncEvent.waitUntil(drainFromServiceWorker());
});
