import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * Whether the browser believes it has a network. This module is part of the main bundle: keep
 * it tiny. `navigator.onLine` only says "some network", never "the server answers"; the sync
 * model decides about the server, this only drives the word in the top bar.
 */

const online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
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
