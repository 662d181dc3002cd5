/**
 * A mutation the server keeps failing on (500, a bug or a value it cannot store) must not hold
 * the whole outbox forever (PITFALLS 4). A batch that meets a 500 is split in halves at once;
 * when the batch is down to one mutation, its 500s are counted on the device across rounds
 * (with the usual backoff between them). After HOLD_BACK_AFTER of them in a row it moves to
 * «Requiere atención» with a Spanish reason — nothing is lost: the person may retry or export
 * it — and the rest of the queue goes on. A 503, a 429 or a lost network never count: those
 * are the server or the network being unwell, not this mutation.
 */
import { ERROR_MESSAGES } from '../shared/errors';
import { META_KEYS, readMeta, writeMeta } from '../db/meta-store';
import type { QueuedMutation } from '../db/outbox-store';
import { keepRejected, toRejectedRow } from '../db/rejected-store';
import type { UserDb } from '../db/user-db';

/** How many 500s in a row, each after a backoff, before a lone mutation is held back. */
export const HOLD_BACK_AFTER = 4;

/** The queued mutation under suspicion and its 500s in a row. */
interface PushSuspect {
  seq: number;
  failures: number;
}

/** Whether a status is the server failing on what it was sent (not unavailable, not throttled). */
export function isServerFailure(status: number): boolean {
  return status >= 500 && status !== 503;
}

/** The seq to send alone next, when a lone mutation already met a 500. */
export async function readSuspectSeq(db: UserDb): Promise<number | undefined> {
  return (await readMeta<PushSuspect>(db.meta, META_KEYS.pushSuspect))?.seq;
}

/** Forgets the suspect once the server answered a batch that held it. */
export async function clearSuspect(db: UserDb, handledUpTo: number): Promise<void> {
  const suspect = await readMeta<PushSuspect>(db.meta, META_KEYS.pushSuspect);
  if (suspect && suspect.seq <= handledUpTo) await db.meta.delete(META_KEYS.pushSuspect);
}

/**
 * Counts one more 500 for a mutation sent alone. Returns true when it was held back (moved to
 * the attention list in one transaction with its removal from the outbox), false when it stays
 * queued for another try after the backoff.
 */
export async function countLoneFailure(db: UserDb, clientId: string, row: QueuedMutation): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.rejected, db.meta, async () => {
    const suspect = await readMeta<PushSuspect>(db.meta, META_KEYS.pushSuspect);
    const failures = (suspect?.seq === row.seq ? suspect.failures : 0) + 1;
    if (failures < HOLD_BACK_AFTER) {
      await writeMeta(db.meta, META_KEYS.pushSuspect, { seq: row.seq, failures });
      return false;
    }
    const reason = { code: 'held_back', message: ERROR_MESSAGES.held_back };
    await keepRejected(db, toRejectedRow(row, clientId, reason, new Date(db.now()).toISOString()));
    await db.outbox.delete(row.seq);
    await db.meta.delete(META_KEYS.pushSuspect);
    return true;
  });
}
