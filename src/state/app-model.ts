import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * Whether the browser believes it has a network. This module is part of the main bundle: keep
 * it tiny. `navigator.onLine` only says "some network", never "the server answers"; the sync
 * model decides about the server, this only drives the word in the top bar.
 */

/**
 * False only outside a browser, in the build's prerender of the shell (src/ui/shell-pages.tsx):
 * that HTML may later open offline from the service worker, so it must not claim «En línea».
 */
export const IS_CONNECTION_KNOWN = typeof navigator !== 'undefined' && typeof navigator.onLine === 'boolean';

const online = signal(IS_CONNECTION_KNOWN ? navigator.onLine : true);
let isWatching = false;

/** True while the device has some network; flips on the window's `online`/`offline` events. */
export const isOnline: ReadonlySignal<boolean> = online;

/** Starts following `online`/`offline` events. Safe to call more than once. */
export function watchConnection(target: Window = window): void {
  if (isWatching) return;
  isWatching = true;
  online.value = target.navigator.onLine;
  target.addEventListener('online', () => (online.value = true));
  target.addEventListener('offline', () => (online.value = false));
}
