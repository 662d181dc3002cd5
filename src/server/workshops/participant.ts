/**
 * Participants without an account (DESIGN.md § Accounts and access): they push only
 * `attendance.register` and `feedback.submit`, each carrying the workshop's public code, while
 * the workshop's window is open. Their device's lastSeq lives in `participant_clients`, so a
 * retry applies once, exactly as for a device with an account; nothing else about it is kept.
 */
import type { Transaction } from 'kysely';
import type { AuthUser } from '../auth/sessions';
import { HttpError } from '../http/errors';
import type { Database } from '../store/schema';
import { describeTooManyPushes, REFUSALS } from '../../shared/errors';

/** The mutations a participant may send, always with a `workshopCode` in their args. */
export const PARTICIPANT_MUTATIONS: ReadonlySet<string> = new Set(['attendance.register', 'feedback.submit']);

/** The caller a push without a bearer acts as: no id of any account, no role. */
export const PARTICIPANT: AuthUser = Object.freeze({
  id: 'participante',
  email: '',
  name: 'Participante',
  roles: [],
  disabled: false,
  passwordHash: '',
  createdAt: '',
  sessionId: '',
});

/** Whether the push comes from a participant without an account. */
export function isParticipant(caller: AuthUser): boolean {
  return caller === PARTICIPANT;
}

/**
 * Whether an unauthenticated body is a participant's batch: at least one mutation, and every
 * one a participant's name with a code. Judged before the full parse, so anything else is a 401.
 */
export function isParticipantBatch(body: unknown): boolean {
  const mutations = (body as { mutations?: unknown } | null)?.mutations;
  if (!Array.isArray(mutations) || mutations.length === 0) return false;
  return mutations.every((m: { name?: unknown; args?: { workshopCode?: unknown } } | null) => {
    const code = m?.args?.workshopCode;
    return typeof m?.name === 'string' && PARTICIPANT_MUTATIONS.has(m.name) && typeof code === 'string' && code.trim() !== '';
  });
}

/** The participant device's lastSeq; a first push registers it. A device id of an account is refused. */
export async function readParticipantSeq(trx: Transaction<Database>, clientId: string, nowIso: string): Promise<number> {
  const owned = await trx.selectFrom('sync_clients').select('client_id').where('client_id', '=', clientId).executeTakeFirst();
  if (owned) {
    throw new HttpError(401, 'unauthorized', REFUSALS.phoneOfAnAccount);
  }
  const client = await trx.selectFrom('participant_clients').select('last_seq').where('client_id', '=', clientId).executeTakeFirst();
  if (client) return Number(client.last_seq);
  await trx.insertInto('participant_clients').values({ client_id: clientId, last_seq: 0, created_at: nowIso, updated_at: nowIso }).execute();
  return 0;
}

/** Stores the participant device's new lastSeq in the push transaction. */
export async function writeParticipantSeq(trx: Transaction<Database>, clientId: string, lastSeq: number, nowIso: string): Promise<void> {
  await trx.updateTable('participant_clients').set({ last_seq: lastSeq, updated_at: nowIso }).where('client_id', '=', clientId).execute();
}

/** Participant pushes allowed per address per window. A venue behind one NAT shares it. */
export const PARTICIPANT_PUSH_LIMIT = 60;
export const PARTICIPANT_PUSH_WINDOW_MS = 60_000;

/**
 * A sliding-window count of participant pushes per address, in this process's memory: it
 * guards against guessing codes and floods, it is not an account of anything, and forgetting
 * it on a restart costs nothing. Behind a load balancer each process counts its own share.
 */
export function createParticipantLimiter(now: () => number, limit = PARTICIPANT_PUSH_LIMIT, windowMs = PARTICIPANT_PUSH_WINDOW_MS) {
  const hits = new Map<string, number[]>();
  return {
    /** Counts one push from `address`, or throws a 429 with Retry-After when over the limit. */
    take(address: string): void {
      const nowMs = now();
      const recent = (hits.get(address) ?? []).filter((t) => t > nowMs - windowMs);
      if (recent.length >= limit) {
        const retryAfter = Math.max(1, Math.ceil((recent[0]! + windowMs - nowMs) / 1000));
        hits.set(address, recent);
        throw new HttpError(
          429,
          'rate_limited',
          describeTooManyPushes(retryAfter),
          undefined,
          { 'Retry-After': String(retryAfter) },
        );
      }
      recent.push(nowMs);
      hits.set(address, recent);
      if (hits.size > 10_000) forgetIdle(hits, nowMs - windowMs);
    },
  };
}

function forgetIdle(hits: Map<string, number[]>, since: number): void {
  for (const [address, times] of hits) if (!times.some((t) => t > since)) hits.delete(address);
}
