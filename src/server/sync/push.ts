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
import { closeVersionBlock, markVersions, openVersionBlock, rewindVersions } from '../store/version';
import type { MutationContext, MutationOutcome } from './mutation-context';
import { findMutation, isAllowedFor } from './registry';
import { collectReadIds, prefetchPushReads } from './push-reads';
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

/** A mutation checked before the transaction: its refusal, or the handler call that applies it. */
interface PreparedMutation {
  m: WireMutation;
  /** The arguments as the schema parsed them (absent when refused). */
  args?: unknown;
  refusal?: RejectedMutation;
  apply?: (base: Omit<MutationContext, 'hlc'>, nowMs: number) => Promise<MutationOutcome>;
}

/**
 * Finds, validates and authorises one mutation: CPU work done before the transaction opens, so
 * none of it runs while the push holds the version counter.
 */
function prepareOne(m: WireMutation, caller: AuthUser, order: number): PreparedMutation {
  const mutation = findMutation(m.name, m.v);
  if (mutation === 'unknown_mutation') return { m, refusal: reject(m.seq, 'unknown_mutation', `${ERROR_MESSAGES.unknown_mutation} (${quoteUntrusted(m.name)})`) };
  if (mutation === 'unknown_version') return { m, refusal: reject(m.seq, 'upgrade_required') };
  const parsed = v.safeParse(mutation.schema, m.args, SPANISH_VALIBOT_CONFIG);
  if (!parsed.success) {
    return { m, refusal: reject(m.seq, 'validation_failed', `${ERROR_MESSAGES.validation_failed} ${formatIssues(parsed.issues).join(' ')}`) };
  }
  if (!isAllowedFor(mutation, caller)) return { m, refusal: reject(m.seq, 'forbidden') };
  return { m, args: parsed.output, apply: (base, nowMs) => mutation.apply(withHlc(base, m, nowMs, order), parsed.output) };
}

/** The handler's context: the clamped stamp, and the echo mark only when the stamp is the device's own. */
function withHlc(base: Omit<MutationContext, 'hlc'>, m: WireMutation, nowMs: number, order: number): MutationContext {
  const hlc = clampHlc(m.hlc, nowMs, order);
  // A clamped stamp differs from the one the device wrote its fields with: no echo mark then (#12).
  const { echo, ...rest } = base;
  return hlc === m.hlc && echo ? { ...rest, hlc, echo } : { ...rest, hlc };
}

function toRefusal(m: WireMutation, outcome: MutationOutcome): RejectedMutation | undefined {
  return outcome.applied ? undefined : reject(m.seq, outcome.code, outcome.message);
}

/** Thrown out of an optimistic pass when the database refused a mutation: the push runs again, isolated. */
class IsolationNeeded extends Error {}

/** Whether `error` fails the whole push (the device retries later) rather than one mutation. */
function failsWholePush(error: unknown): boolean {
  return isStoreUnavailable(error) || (isRetryableError(error) && !isUniqueViolation(error));
}

/**
 * Applies one mutation inside a savepoint, so an error the database raises for it (a value one
 * engine refuses, a broken invariant) undoes only its own writes and becomes its refusal: the
 * rest of the batch is kept, on PostgreSQL (where an error aborts the transaction) as on SQLite.
 * A store that cannot serve (timeouts, a lost connection) or a race fails the whole push
 * instead: the device keeps its outbox and tries again.
 */
async function applyIsolated(base: Omit<MutationContext, 'hlc'>, p: PreparedMutation, nowMs: number, log?: FastifyBaseLogger): Promise<RejectedMutation | undefined> {
  await sql`savepoint mutation`.execute(base.trx);
  const versions = markVersions(base.trx);
  try {
    const outcome = await p.apply!(base, nowMs);
    await sql`release savepoint mutation`.execute(base.trx);
    return toRefusal(p.m, outcome);
  } catch (error) {
    if (failsWholePush(error)) throw error;
    await sql`rollback to savepoint mutation`.execute(base.trx);
    rewindVersions(base.trx, versions);
    await sql`release savepoint mutation`.execute(base.trx);
    log?.error({ err: error, seq: p.m.seq, mutation: quoteUntrusted(p.m.name) }, 'mutation refused: the database refused to apply it');
    return reject(p.m.seq, 'not_storable');
  }
}

/**
 * Applies one mutation with no savepoint (two round trips fewer each): the usual case, since the
 * shared schemas refuse what an engine would. Should the database still refuse one, the whole
 * attempt is rolled back and the push runs again with a savepoint per mutation.
 */
async function applyOptimistic(base: Omit<MutationContext, 'hlc'>, p: PreparedMutation, nowMs: number): Promise<RejectedMutation | undefined> {
  try {
    return toRefusal(p.m, await p.apply!(base, nowMs));
  } catch (error) {
    if (failsWholePush(error)) throw error;
    throw new IsolationNeeded();
  }
}

/** A unique index refused a row: pushes are serialised on the counter, so it is this mutation's fault, not a race. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/**
 * Handles one push (DESIGN.md § Sync protocol) in ONE transaction:
 * 0: before it, find, validate and authorise every mutation (no lock held for CPU work);
 * 1: lock the version counter and read it once, so pushes commit in version order; versions
 *    are then handed out from memory and written back once, at the end (store/version.ts);
 * 2: read (or register) the client's lastSeq;
 * 3: skip every seq ≤ lastSeq — a replay has no second effect;
 * 4: a newer mutation version anywhere → 426, nothing applied;
 * 5: read in one statement per table the rows the handlers will look up by id (push-reads.ts);
 *    apply the rest in order; a bad one is rejected with a Spanish reason and the queue moves
 *    on. If the database itself refuses one, the attempt is undone and the push runs again
 *    with a savepoint per mutation, so that refusal costs only its own writes;
 * 6: store the new lastSeq and the refusals with the effects (a replay answers them again).
 * The counter stays locked from step 1: the handlers read then write (last writer wins by
 * field, the same person merged, capacity counted), which is only right with pushes in series.
 */
export async function applyPush(ctx: AppContext, caller: AuthUser, request: PushRequest, log?: FastifyBaseLogger): Promise<PushResponse> {
  const prepared = request.mutations.map((m, order) => prepareOne(m, caller, order));
  try {
    return await applyPrepared(ctx, caller, request, prepared, false, log);
  } catch (error) {
    if (!(error instanceof IsolationNeeded)) throw error;
    return applyPrepared(ctx, caller, request, prepared, true, log);
  }
}

async function applyPrepared(
  ctx: AppContext, caller: AuthUser, { clientId, cursor }: Pick<PushRequest, 'clientId' | 'cursor'>, prepared: PreparedMutation[], isolate: boolean, log?: FastifyBaseLogger,
): Promise<PushResponse> {
  const mutations = prepared.map((p) => p.m);
  return runInTransaction(ctx.db, async (trx) => {
    const nowMs = ctx.now();
    const nowIso = iso(nowMs);
    await openVersionBlock(trx, ctx.engine);
    const lastSeq = await readClientSeq(trx, clientId, caller, nowIso);
    const pending = prepared.filter((p) => p.m.seq > lastSeq);
    // A retry after a lost answer: its refusals are answered again, never silently dropped.
    const replayedRejections = await readReplayedRejections(trx, clientId, mutations, lastSeq);
    if (pending.length === 0) return { lastSeq, rejected: replayedRejections };
    assertKnownVersions(pending.map((p) => p.m));
    // The rows the handlers will read by id, one statement per table rather than one per mutation.
    await prefetchPushReads(trx, collectReadIds(pending.filter((p) => p.apply).map((p) => ({ name: p.m.name, args: p.args }))));
    const rejected: RejectedMutation[] = [...replayedRejections];
    // A participant never pulls the user scope: only an account's device gets echo marks (#12).
    const base = isParticipant(caller) ? { trx, caller, nowIso } : { trx, caller, nowIso, echo: { clientId, heldUpTo: cursor ?? 0 } };
    for (const p of pending) {
      const refusal = p.refusal ?? (isolate ? await applyIsolated(base, p, nowMs, log) : await applyOptimistic(base, p, nowMs));
      if (refusal) rejected.push(refusal);
    }
    await storeRejections(trx, clientId, rejected.slice(replayedRejections.length), nowIso);
    const newLastSeq = pending[pending.length - 1]!.m.seq;
    if (isParticipant(caller)) await writeParticipantSeq(trx, clientId, newLastSeq, nowIso, pending.map((p) => p.m));
    else await trx.updateTable('sync_clients').set({ last_seq: newLastSeq, updated_at: nowIso }).where('client_id', '=', clientId).execute();
    await closeVersionBlock(trx);
    return { lastSeq: newLastSeq, rejected };
  });
}
