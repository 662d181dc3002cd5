import * as v from 'valibot';
import { CURRENT_VERSION, findMutationSchema, type MutationArgs, type MutationName } from '../shared/mutations';
import { ERROR_MESSAGES } from '../shared/errors';
import { applyMutationLocally, MUTATION_TABLES } from './apply-mutation';
import { enqueueMutation } from './enqueue-mutation';
import type { OutboxRow } from './outbox-store';
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
  const schema = findMutationSchema(name, CURRENT_VERSION[name]);
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
 */
export async function recordMutation<N extends MutationName>(db: UserDb, name: N, rawArgs: unknown): Promise<OutboxRow> {
  const args = parseMutationArgs(name, rawArgs);
  const tables = (MUTATION_TABLES[name] ?? []).map((t) => db[t]);
  const row = await guardStorage(() =>
    db.transaction('rw', [db.outbox, db.meta, ...tables], async (tx) => {
      const queued = await enqueueMutation(tx, name, args);
      await applyMutationLocally(db, name, args, queued.hlc);
      return queued;
    }),
  );
  announceLocalWrite(row);
  return row;
}
