/**
 * The participants' door, judged before a push without a session reaches the protocol
 * (security report H4, M7, L1):
 * - it carries at most MAX_PARTICIPANT_PUSH_MUTATIONS mutations, or it is a 413;
 * - its mutations (not its requests) count against its address in the database, so a burst of
 *   big pushes is not cheaper than many small ones and every process shares one count;
 * - when no code in it matches a workshop it is answered without storing anything (no refusal
 *   rows, no device bookkeeping): guessing codes or sending junk cannot grow the database.
 */
import type { Kysely } from 'kysely';
import { describeParticipantBatchTooLarge, describeTooManyPushes, REFUSALS } from '../../shared/errors';
import { MAX_PARTICIPANT_PUSH_MUTATIONS } from '../../shared/protocol-limits';
import type { PushRequest, PushResponse } from '../../shared/protocol';
import { WORKSHOP_CODE_ALPHABET, WORKSHOP_CODE_LENGTH } from '../../shared/schemas/workshop';
import { HttpError } from '../http/errors';
import { addToCounter } from '../store/request-counters';
import type { Database } from '../store/schema';

/**
 * Participant mutations allowed per address per window. A venue behind one NAT shares it: 60
 * people each checking in and giving an opinion within one minute still pass.
 */
export const PARTICIPANT_MUTATION_LIMIT = 120;
export const PARTICIPANT_WINDOW_MS = 60_000;

/** A 413 in Spanish when an unauthenticated batch holds more than a handful of mutations. */
export function assertParticipantBatchSize(body: unknown): void {
  const count = (body as { mutations: unknown[] }).mutations.length;
  if (count > MAX_PARTICIPANT_PUSH_MUTATIONS) {
    throw new HttpError(413, 'payload_too_large', describeParticipantBatchTooLarge(MAX_PARTICIPANT_PUSH_MUTATIONS));
  }
}

/** Counts `mutations` against `address`; past the limit a 429 with Retry-After (the rest of the window). */
export async function takeParticipantAllowance(db: Kysely<Database>, address: string, mutations: number, nowMs: number): Promise<void> {
  const reading = await addToCounter(db, `participant:${address}`, mutations, nowMs, PARTICIPANT_WINDOW_MS);
  if (reading.count <= PARTICIPANT_MUTATION_LIMIT) return;
  const retryAfter = String(reading.retryAfterSeconds);
  throw new HttpError(429, 'rate_limited', describeTooManyPushes(reading.retryAfterSeconds), undefined, { 'Retry-After': retryAfter });
}

const WELL_FORMED_CODE = new RegExp(`^[${WORKSHOP_CODE_ALPHABET}]{${WORKSHOP_CODE_LENGTH}}$`);

/**
 * A workshop code as the schema reads it (trimmed, upper-case), or '' when it cannot be one. These
 * raw args reach SQL before the full parse, and PostgreSQL fails a whole statement on a NUL where
 * SQLite just finds nothing: a malformed code must match nothing on both engines.
 */
function normaliseCode(code: unknown): string {
  const normalised = typeof code === 'string' ? code.trim().toUpperCase() : '';
  return WELL_FORMED_CODE.test(normalised) ? normalised : '';
}

/** The codes a participant's batch carries, normalised. */
export function readBatchCodes(mutations: readonly { args: unknown }[]): string[] {
  return [...new Set(mutations.map((m) => normaliseCode((m.args as { workshopCode?: unknown } | null)?.workshopCode)))];
}

/**
 * The answer to a participant's batch whose codes match no live workshop: every mutation
 * refused with the reason, and nothing written. Undefined when some code matches: the push
 * goes on to the protocol, which judges each mutation.
 */
export async function answerUnknownCodes(db: Kysely<Database>, request: PushRequest): Promise<PushResponse | undefined> {
  const codes = readBatchCodes(request.mutations).filter((code) => code !== '');
  const known = codes.length === 0 ? undefined
    : await db.selectFrom('workshops').select('id').where('code', 'in', codes).where('deleted', '=', 0).executeTakeFirst();
  if (known) return undefined;
  const message = REFUSALS.codeMatchesNoWorkshop;
  return {
    lastSeq: Math.max(...request.mutations.map((m) => m.seq)),
    rejected: request.mutations.map((m) => ({ seq: m.seq, code: 'forbidden' as const, message })),
  };
}
