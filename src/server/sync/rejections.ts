import type { Transaction } from 'kysely';
import type { RejectedMutation, WireMutation } from '../../shared/protocol';
import type { Database } from '../store/schema';

/**
 * Refusals are kept by (client, seq) in the push transaction, so a retry of a batch whose
 * answer was lost gets the same `rejected[]` again instead of an empty one (the device would
 * otherwise delete the row as sent and the person would never see why it was refused).
 */

/** Longest refusal message kept; the Spanish reasons are far shorter, issue lists can grow. */
const MAX_MESSAGE_LENGTH = 2000;

/**
 * A refusal's message as answered and stored: no NUL (PostgreSQL text refuses it), bounded, and
 * no half character (the engines store a lone surrogate differently; the cut can make one).
 */
export function toStoredMessage(message: string): string {
  const clean = message.replaceAll('\u0000', '�');
  const bounded = clean.length > MAX_MESSAGE_LENGTH ? `${clean.slice(0, MAX_MESSAGE_LENGTH)}…` : clean;
  return bounded.replace(/\p{Cs}/gu, '�');
}

/** Stores this push's refusals next to its effects (same transaction). */
export async function storeRejections(trx: Transaction<Database>, clientId: string, rejected: readonly RejectedMutation[], nowIso: string): Promise<void> {
  if (rejected.length === 0) return;
  await trx
    .insertInto('sync_rejections')
    .values(rejected.map((r) => ({ client_id: clientId, seq: r.seq, code: r.code, message: r.message, created_at: nowIso })))
    .execute();
}

/** The stored refusals among the replayed mutations (seq ≤ lastSeq), in seq order. */
export async function readReplayedRejections(
  trx: Transaction<Database>,
  clientId: string,
  mutations: readonly WireMutation[],
  lastSeq: number,
): Promise<RejectedMutation[]> {
  const replayed = mutations.filter((m) => m.seq <= lastSeq).map((m) => m.seq);
  if (replayed.length === 0) return [];
  const rows = await trx
    .selectFrom('sync_rejections')
    .select(['seq', 'code', 'message'])
    .where('client_id', '=', clientId)
    .where('seq', 'in', replayed)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ seq: Number(r.seq), code: r.code, message: r.message }));
}
