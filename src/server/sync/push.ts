import { sql, type Transaction } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import * as v from 'valibot';
import { ERROR_MESSAGES, REFUSALS, type ErrorCode } from '../../shared/errors';
import { clampHlc } from '../../shared/hlc';
import type { PushRequest, PushResponse, RejectedMutation, WireMutation } from '../../shared/protocol';
import type { AuthUser } from '../auth/sessions';
import type { AppContext } from '../context';
import { formatIssues, HttpError, quoteUntrusted, SPANISH_VALIBOT_CONFIG } from '../http/errors';
import { isRetryableError, isStoreUnavailable } from '../store/faults';
import type { Database } from '../store/schema';
import { runInTransaction } from '../store/transaction';
import { lockVersionCounter } from '../store/version';
import type { MutationContext } from './mutation-context';
import { findMutation, isAllowedFor } from './registry';
import { readReplayedRejections, storeRejections, toStoredMessage } from './rejections';
import { isParticipant, readParticipantSeq, writeParticipantSeq } from '../workshops/participant';

const iso = (ms: number) => new Date(ms).toISOString();

function reject(seq: number, code: ErrorCode, message: string = ERROR_MESSAGES[code]): RejectedMutation {
  return { seq, code, message: toStoredMessage(message) };
}

/** The client's last handled seq; a first push registers the client to the caller. */
async function readClientSeq(trx: Transaction<Database>, clientId: string, caller: AuthUser, nowIso: string): Promise<number> {
  // A participant without an account: its own bookkeeping, no account to bind the device to.
  if (isParticipant(caller)) return readParticipantSeq(trx, clientId, nowIso);
  const client = await trx.selectFrom('sync_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  if (!client) {
    await trx
      .insertInto('sync_clients')
      .values({ client_id: clientId, user_id: caller.id, last_seq: 0, created_at: nowIso, updated_at: nowIso })
      .execute();
    return 0;
  }
  if (client.user_id !== caller.id) {
    throw new HttpError(403, 'forbidden', REFUSALS.phoneOfOtherAccount);
  }
  return Number(client.last_seq);
}

/** A mutation written by a newer app than this server knows: the whole batch waits (426). */
function assertKnownVersions(pending: readonly WireMutation[]): void {
  if (pending.some((m) => findMutation(m.name, m.v) === 'unknown_version')) {
    throw new HttpError(426, 'upgrade_required', REFUSALS.unknownVersion);
  }
}

/** Validates, authorises and applies one mutation; a refusal is returned, never thrown. */
async function applyOne(base: Omit<MutationContext, 'hlc'>, m: WireMutation, nowMs: number): Promise<RejectedMutation | undefined> {
  const mutation = findMutation(m.name, m.v);
  if (mutation === 'unknown_mutation') return reject(m.seq, 'unknown_mutation', `${ERROR_MESSAGES.unknown_mutation} (${quoteUntrusted(m.name)})`);
  if (mutation === 'unknown_version') return reject(m.seq, 'upgrade_required');
  const parsed = v.safeParse(mutation.schema, m.args, SPANISH_VALIBOT_CONFIG);
  if (!parsed.success) {
    return reject(m.seq, 'validation_failed', `${ERROR_MESSAGES.validation_failed} ${formatIssues(parsed.issues).join(' ')}`);
  }
  if (!isAllowedFor(mutation, base.caller)) return reject(m.seq, 'forbidden');
  const outcome = await mutation.apply({ ...base, hlc: clampHlc(m.hlc, nowMs) }, parsed.output);
  return outcome.applied ? undefined : reject(m.seq, outcome.code, outcome.message);
}

/**
 * Applies one mutation inside a savepoint, so an error the database raises for it (a value one
 * engine refuses, a broken invariant) undoes only its own writes and becomes its refusal: the
 * rest of the batch is kept, on PostgreSQL (where an error aborts the transaction) as on SQLite.
 * A store that cannot serve (timeouts, a lost connection) or a race fails the whole push
 * instead: the device keeps its outbox and tries again.
 */
async function applyIsolated(base: Omit<MutationContext, 'hlc'>, m: WireMutation, nowMs: number, log?: FastifyBaseLogger): Promise<RejectedMutation | undefined> {
  await sql`savepoint mutation`.execute(base.trx);
  try {
    const refusal = await applyOne(base, m, nowMs);
    await sql`release savepoint mutation`.execute(base.trx);
    return refusal;
  } catch (error) {
    if (isStoreUnavailable(error) || (isRetryableError(error) && !isUniqueViolation(error))) throw error;
    await sql`rollback to savepoint mutation`.execute(base.trx);
    await sql`release savepoint mutation`.execute(base.trx);
    log?.error({ err: error, seq: m.seq, mutation: quoteUntrusted(m.name) }, 'mutation refused: the database refused to apply it');
    return reject(m.seq, 'not_storable');
  }
}

/** A unique index refused a row: pushes are serialised on the counter, so it is this mutation's fault, not a race. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/**
 * Handles one push (DESIGN.md § Sync protocol) in ONE transaction:
 * 1: lock the version counter, so pushes commit in version order;
 * 2: read (or register) the client's lastSeq;
 * 3: skip every seq ≤ lastSeq — a replay has no second effect;
 * 4: a newer mutation version anywhere → 426, nothing applied;
 * 5: apply the rest in order, each in its own savepoint; a bad one is rejected with a Spanish
 *    reason (even when the database itself refuses it) and the queue moves on;
 * 6: store the new lastSeq and the refusals with the effects (a replay answers them again).
 */
export async function applyPush(ctx: AppContext, caller: AuthUser, request: PushRequest, log?: FastifyBaseLogger): Promise<PushResponse> {
  return runInTransaction(ctx.db, async (trx) => {
    const nowMs = ctx.now();
    const nowIso = iso(nowMs);
    await lockVersionCounter(trx, ctx.engine);
    const lastSeq = await readClientSeq(trx, request.clientId, caller, nowIso);
    const pending = request.mutations.filter((m) => m.seq > lastSeq);
    // A retry after a lost answer: its refusals are answered again, never silently dropped.
    const replayedRejections = await readReplayedRejections(trx, request.clientId, request.mutations, lastSeq);
    if (pending.length === 0) return { lastSeq, rejected: replayedRejections };
    assertKnownVersions(pending);
    const rejected: RejectedMutation[] = [...replayedRejections];
    for (const m of pending) {
      const refusal = await applyIsolated({ trx, caller, nowIso }, m, nowMs, log);
      if (refusal) rejected.push(refusal);
    }
    await storeRejections(trx, request.clientId, rejected.slice(replayedRejections.length), nowIso);
    const newLastSeq = pending[pending.length - 1]!.seq;
    if (isParticipant(caller)) await writeParticipantSeq(trx, request.clientId, newLastSeq, nowIso, pending);
    else await trx.updateTable('sync_clients').set({ last_seq: newLastSeq, updated_at: nowIso }).where('client_id', '=', request.clientId).execute();
    return { lastSeq: newLastSeq, rejected };
  });
}
