import * as v from 'valibot';
import { currentVersion, findMutationSchema, type MutationArgs, type MutationName } from '../shared/mutations';
import { ERROR_MESSAGES } from '../shared/errors';
import { applyMutationLocally, tablesOf, type LocalHint } from './apply-mutation';
import { appendToOutbox, stampMutation } from './enqueue-mutation';
import type { OutboxRow } from './outbox-store';
import { bindToTransaction } from './bound-tables';
import { guardStorage } from './storage-errors';
import type { UserDb } from './user-db';
import { announceLocalWrite } from './write-events';

/** Input a person typed that the mutation's schema refuses; `message` is the schema's Spanish sentence. */
export class ValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}

export { onLocalWrite } from './write-events';

/** Checks args against the schema the device writes; throws a ValidationError in Spanish. */
export function parseMutationArgs<N extends MutationName>(name: N, args: unknown): MutationArgs<N> {
  const schema = findMutationSchema(name, currentVersion(name));
  if (!schema) throw new ValidationError(ERROR_MESSAGES.unknown_mutation);
  const result = v.safeParse(schema, args);
  if (!result.success) throw new ValidationError(result.issues[0]?.message ?? ERROR_MESSAGES.validation_failed);
  return result.output as MutationArgs<N>;
}

/**
 * Records one user action: ONE read-write transaction over its table, the outbox and meta.
 * The change shows on the device at once and waits in the outbox until a drain sends it;
 * offline nothing else happens. If the storage is full, nothing is written and a StorageError
 * with the Spanish `quota_exceeded` message is thrown.
 *
 * Always a transaction of its own ('rw!'): called from code that still runs in the zone of an
 * earlier, finished transaction, it never joins that one. Three round trips to IndexedDB: the
 * clock (and what the applier reads), the outbox row with the record, the commit. Never call it
 * inside another transaction over the same tables: it would wait for that one to finish.
 * `hint`: what the screen already knows that spares the local effect a lookup (see `LocalHint`).
 */
export async function recordMutation<N extends MutationName>(db: UserDb, name: N, rawArgs: unknown, hint?: LocalHint<N>): Promise<OutboxRow> {
  const args = parseMutationArgs(name, rawArgs);
  const tables = tablesOf(name).map((t) => db[t]);
  const row = await guardStorage(() =>
    db.transaction('rw!', [db.outbox, db.meta, ...tables], async (tx) => {
      const stamped = await stampMutation(tx, name, args);
      const [queued] = await Promise.all([appendToOutbox(tx, stamped), applyMutationLocally(bindToTransaction(db, tx), name, args, stamped.hlc, hint)]);
      return queued;
    }),
  );
  announceLocalWrite(row);
  return row;
}
