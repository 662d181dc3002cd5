import { liveQuery } from 'dexie';
import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * A signal that follows a Dexie query: it subscribes while something reads it (a component,
 * an effect) and unsubscribes when nothing does, so idle screens cost no IndexedDB reads.
 */
export function liveSignal<T>(querier: () => Promise<T>, initial: T): ReadonlySignal<T> {
  let subscription: { unsubscribe(): void } | undefined;
  const value = signal<T>(initial, {
    watched() {
      subscription = liveQuery(querier).subscribe({
        next: (result) => {
          value.value = result;
        },
        error: () => {
          // A closed database (versionchange) ends the query; the reload prompt takes over.
        },
      });
    },
    unwatched() {
      subscription?.unsubscribe();
      subscription = undefined;
    },
  });
  return value;
}
