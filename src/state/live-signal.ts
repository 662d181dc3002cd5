import { signal, type ReadonlySignal } from '@preact/signals';
import { watchQuery } from '../db/live-query';

/**
 * A signal that follows a Dexie query: it subscribes while something reads it (a component,
 * an effect) and unsubscribes when nothing does, so idle screens cost no IndexedDB reads.
 * Offline it simply reads the device's copy; a pull or a local write re-runs the query.
 */
export function liveSignal<T>(querier: () => Promise<T>, initial: T): ReadonlySignal<T> {
  let unsubscribe: (() => void) | undefined;
  const value = signal<T>(initial, {
    watched() {
      unsubscribe = watchQuery(querier, (result) => {
        value.value = result;
      });
    },
    unwatched() {
      unsubscribe?.();
      unsubscribe = undefined;
    },
  });
  return value;
}

/** Every keyed cache, so one reset forgets them all. */
const caches = new Set<Map<string, unknown>>();

/**
 * One signal per key (an id, or a few ids), made by `make` on first use and the same signal
 * after, so every component showing one record shares it. Forgotten by `resetLiveSignals`.
 */
export function keyedSignal<A extends string[], T>(make: (...keys: A) => ReadonlySignal<T>): (...keys: A) => ReadonlySignal<T> {
  const cache = new Map<string, ReadonlySignal<T>>();
  caches.add(cache);
  return (...keys) => {
    const key = keys.join('\u0000');
    let made = cache.get(key);
    if (!made) {
      made = make(...keys);
      cache.set(key, made);
    }
    return made;
  };
}

/** A `liveSignal` per key: every component showing one record shares one query. */
export function keyedLiveSignal<A extends string[], T>(query: (...keys: A) => Promise<T>, initial: T): (...keys: A) => ReadonlySignal<T> {
  return keyedSignal((...keys: A) => liveSignal(() => query(...keys), initial));
}

/** Forgets every keyed signal (tests give each case a fresh database). */
export function resetLiveSignals(): void {
  for (const cache of caches) cache.clear();
}
