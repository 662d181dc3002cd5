import type { UserDb } from './user-db';
import { META_KEYS, writeMeta } from './meta-store';
import type { QueuedMutation } from './outbox-store';

/** A mutation the server refused for good: kept for the "Requiere atención" list, never dropped silently. */
export interface RejectedRow {
  id?: number;
  /** The seq it was sent with, and the device it was sent from. */
  seq: number;
  clientId: string;
  name: string;
  v: number;
  args: unknown;
  hlc: string;
  createdAt: string;
  code: string;
  message: string;
  rejectedAt: string;
  /** Set once the person exported it to a file; only then may it be discarded. */
  exportedAt?: string;
}

/** Builds the rejected record for a queued mutation and the server's reason. */
export function toRejectedRow(
  mutation: QueuedMutation,
  clientId: string,
  reason: { code: string; message: string },
  nowIso: string,
): RejectedRow {
  return {
    seq: mutation.seq,
    clientId,
    name: mutation.name,
    v: mutation.v,
    args: mutation.args,
    hlc: mutation.hlc,
    createdAt: mutation.createdAt,
    code: reason.code,
    message: reason.message,
    rejectedAt: nowIso,
  };
}

/** Every rejected mutation, oldest first. */
export function listRejected(db: UserDb): Promise<RejectedRow[]> {
  return db.rejected.orderBy('id').toArray();
}

/**
 * Keeps a mutation in the attention list. Its local effect stays on this device though the
 * server never applied it, so the device stops asking to be spared its own writes (META_KEYS.echoOff).
 * Call inside a transaction over `rejected` and `meta`.
 */
export async function keepRejected(db: UserDb, row: RejectedRow): Promise<void> {
  await db.rejected.add(row);
  await writeMeta(db.meta, META_KEYS.echoOff, true);
}
