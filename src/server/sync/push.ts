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
import { closeVersionBlock, markVersions, openLateVersionBlock, openVersionBlock, rewindVersions } from '../store/version';
import type { MutationContext, MutationOutcome } from './mutation-context';
import { findMutation, isAllowedFor } from './registry';
import { collectReadIds, prefetchPushReads } from './push-reads';
import { DirectWritesNeeded, flushStaged, startStaging } from './push-writes';
import { readReplayedRejections, storeRejections, toStoredMessage } from './rejections';
import { isParticipant, readParticipantSeq, writeParticipantSeq } from '../workshops/participant';

const iso = (ms: number) => new Date(ms).toISOString();

function reject(seq: number, code: ErrorCode, message: string = ERROR_MESSAGES[code]): RejectedMutation {
  return { seq, code, message: toStoredMessage(message) };
}

/**
 * The client's last handled seq; a first push registers the client to the caller. On PostgreSQL
 * the client's row stays locked until commit: a retry sent while the first try is still running
 * waits for it and then sees its seq (a replay), since no lock taken earlier makes pushes wait.
 */
async function readClientSeq(trx: Transaction<Database>, clientId: string, caller: AuthUser, nowIso: string, lock: boolean): Promise<number> {
  // A participant without an account: its own bookkeeping, no account to bind the device to.
  if (isParticipant(caller)) return readParticipantSeq(trx, clientId, nowIso, lock);
  const query = trx.selectFrom('sync_clients').selectAll().where('client_id', '=', clientId);
  const client = await (lock ? query.forUpdate() : query).executeTakeFirst();
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
    if (error instanceof DirectWritesNeeded || failsWholePush(error)) throw error;
    throw new IsolationNeeded();
  }
}

/** Writes a staged push's rows; a row the database refuses makes the push run again, isolated, as in `applyOptimistic`. */
async function flushOrIsolate(trx: Transaction<Database>, engine: 'sqlite' | 'postgres'): Promise<void> {
  try {
    await flushStaged(trx, engine);
  } catch (error) {
    if (failsWholePush(error)) throw error;
    throw new IsolationNeeded();
  }
}

/**
 * A unique index refused a row: this mutation's fault, or (rarely) a row with the same new id
 * that another push committed meanwhile; the isolated run that follows reads it and merges.
 */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/**
 * The mutations whose handlers read through the push's snapshot and write through push-writes.ts
 * (events, checklists, check-ins): a push of only these writes at its end (`staged`).
 */
const STAGEABLE: ReadonlySet<string> = new Set(['event.save', 'event.archive', 'checklist.start', 'checklist.setItem', 'checklist.addItem', 'attendance.register']);

/**
 * How a push runs. `staged`: reads and locks first, versions taken and rows written at the end,
 * several per statement (the counter held for the last few round trips only). `direct`: the
 * counter taken after the reads, each row written as its mutation runs (any other mutation, or a
 * participant: their capacity counts and proposals read what the push wrote). `isolated`: as
 * direct, with a savepoint per mutation, after the database refused one.
 */
type PushMode = 'staged' | 'direct' | 'isolated';

function choosePushMode(caller: AuthUser, prepared: readonly PreparedMutation[]): PushMode {
  const isStageable = prepared.every((p) => !p.apply || STAGEABLE.has(p.m.name));
  return isStageable && !isParticipant(caller) ? 'staged' : 'direct';
}

/**
 * Handles one push (DESIGN.md § Sync protocol) in ONE transaction:
 * 0: before it, find, validate and authorise every mutation (no lock held for CPU work);
 * 1: read (or register) the client's lastSeq, its row locked (a retry of the same push waits);
 * 2: skip every seq ≤ lastSeq — a replay has no second effect;
 * 3: a newer mutation version anywhere → 426, nothing applied;
 * 4: read in one statement per table the rows the handlers will look up (push-reads.ts), locked
 *    on PostgreSQL, so no other push changes them before this one commits;
 * 5: apply the rest in order; a bad one is rejected with a Spanish reason and the queue moves
 *    on. A staged push takes the version counter only now, once, and writes its rows in a few
 *    statements (push-writes.ts); a direct one took it before the handlers and writes as it goes
 *    (store/version.ts). If the database itself refuses a write, the attempt is undone and the
 *    push runs again with a savepoint per mutation, so that refusal costs only its own writes;
 * 6: store the new lastSeq and the refusals with the effects (a replay answers them again).
 * From the counter to the commit no other push takes a version, so versions become visible in
 * order (a pull cursor never skips a row) — and a staged push holds it for 2–4 round trips, not
 * for the whole push (#12). The handlers read then write (last writer wins by field, the same
 * person merged): the row locks of step 4 keep those reads true until commit.
 */
export async function applyPush(ctx: AppContext, caller: AuthUser, request: PushRequest, log?: FastifyBaseLogger, forced?: PushMode): Promise<PushResponse> {
  const prepared = request.mutations.map((m, order) => prepareOne(m, caller, order));
  const mode = forced ?? choosePushMode(caller, prepared);
  try {
    return await applyPrepared(ctx, caller, request, prepared, mode, log);
  } catch (error) {
    if (error instanceof DirectWritesNeeded) return applyPush(ctx, caller, request, log, 'direct');
    if (!(error instanceof IsolationNeeded)) throw error;
    return applyPrepared(ctx, caller, request, prepared, 'isolated', log);
  }
}
async function applyPrepared(
  ctx: AppContext, caller: AuthUser, { clientId, cursor }: Pick<PushRequest, 'clientId' | 'cursor'>, prepared: PreparedMutation[], mode: PushMode, log?: FastifyBaseLogger,
): Promise<PushResponse> {
  const mutations = prepared.map((p) => p.m);
  const lock = ctx.engine === 'postgres';
  return runInTransaction(ctx.db, async (trx) => {
    const nowMs = ctx.now();
    const nowIso = iso(nowMs);
    const lastSeq = await readClientSeq(trx, clientId, caller, nowIso, lock);
    const pending = prepared.filter((p) => p.m.seq > lastSeq);
    // A retry after a lost answer: its refusals are answered again, never silently dropped.
    const replayedRejections = await readReplayedRejections(trx, clientId, mutations, lastSeq);
    if (pending.length === 0) return { lastSeq, rejected: replayedRejections };
    assertKnownVersions(pending.map((p) => p.m));
    // The rows the handlers will read, one statement per table rather than one per mutation. A
    // savepoint rolled back would leave the people search a record short: isolated pushes ask SQL.
    const applicable = pending.filter((p) => p.apply);
    const withPeople = mode !== 'isolated' && applicable.every((p) => STAGEABLE.has(p.m.name));
    await prefetchPushReads(trx, collectReadIds(applicable.map((p) => ({ name: p.m.name, args: p.args }))), { lock, withPeople });
    if (mode === 'staged') {
      openLateVersionBlock(trx);
      startStaging(trx);
    } else {
      await openVersionBlock(trx, ctx.engine);
    }
    const rejected: RejectedMutation[] = [...replayedRejections];
    // A participant never pulls the user scope: only an account's device gets echo marks (#12).
    const base = isParticipant(caller) ? { trx, caller, nowIso } : { trx, caller, nowIso, echo: { clientId, heldUpTo: cursor ?? 0 } };
    for (const p of pending) {
      const refusal = p.refusal ?? (mode === 'isolated' ? await applyIsolated(base, p, nowMs, log) : await applyOptimistic(base, p, nowMs));
      if (refusal) rejected.push(refusal);
    }
    await storeRejections(trx, clientId, rejected.slice(replayedRejections.length), nowIso);
    const newLastSeq = pending[pending.length - 1]!.m.seq;
    if (isParticipant(caller)) await writeParticipantSeq(trx, clientId, newLastSeq, nowIso, pending.map((p) => p.m));
    else await trx.updateTable('sync_clients').set({ last_seq: newLastSeq, updated_at: nowIso }).where('client_id', '=', clientId).execute();
    if (mode === 'staged') await flushOrIsolate(trx, ctx.engine);
    else await closeVersionBlock(trx);
    return { lastSeq: newLastSeq, rejected };
  });
}
