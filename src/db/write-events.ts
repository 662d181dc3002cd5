import type { OutboxRow } from './outbox-store';

/**
 * Who wants to hear about local writes (the sync wake-up, the persist request). Kept apart from
 * record-mutation so the main bundle can listen without loading the schemas that validate writes.
 */

type WriteListener = (row: OutboxRow) => void;
const writeListeners = new Set<WriteListener>();

/** Calls `listener` after each committed local write. */
export function onLocalWrite(listener: WriteListener): () => void {
  writeListeners.add(listener);
  return () => writeListeners.delete(listener);
}

/** Tells every listener that `row` was committed. */
export function announceLocalWrite(row: OutboxRow): void {
  for (const listener of writeListeners) listener(row);
}
