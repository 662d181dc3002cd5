import { liveQuery } from 'dexie';

/**
 * Runs `querier` now and again whenever a table it read changes (a local write, a pull, another
 * tab, the service worker), passing each result to `onResult`. Returns the unsubscribe. A closed
 * database (versionchange) ends the watch silently: the reload prompt takes over.
 */
export function watchQuery<T>(querier: () => Promise<T>, onResult: (result: T) => void): () => void {
  const subscription = liveQuery(querier).subscribe({ next: onResult, error: () => undefined });
  return () => subscription.unsubscribe();
}
