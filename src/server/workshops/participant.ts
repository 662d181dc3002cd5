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
import { REFUSALS } from '../../shared/errors';
import { isUuid } from '../../shared/ids';
import { findWorkshopWindow } from '../../shared/schemas/workshop';
import { readJson } from '../store/json';
import { readBatchCodes } from './participant-door';
import type { WorkshopFields } from './workshop-store';

/** The mutations a participant may send, always with a `workshopCode` in their args. */
export const PARTICIPANT_MUTATIONS: ReadonlySet<string> = new Set(['attendance.register', 'feedback.submit']);

/** The caller a push without a bearer acts as: no id of any account, no role. */
export const PARTICIPANT: AuthUser = Object.freeze({
  id: 'participante',
  email: '',
  name: 'Participante',
  roles: [],
  disabled: false,
  mustChangePassword: false,
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

/**
 * The participant device's lastSeq; a first push registers it. A device id of an account is
 * refused. `lock`: its row stays locked until commit (PostgreSQL), so a retry waits for the try.
 */
export async function readParticipantSeq(trx: Transaction<Database>, clientId: string, nowIso: string, lock: boolean): Promise<number> {
  const owned = await trx.selectFrom('sync_clients').select('client_id').where('client_id', '=', clientId).executeTakeFirst();
  if (owned) {
    throw new HttpError(401, 'unauthorized', REFUSALS.phoneOfAnAccount);
  }
  const query = trx.selectFrom('participant_clients').select('last_seq').where('client_id', '=', clientId);
  const client = await (lock ? query.forUpdate() : query).executeTakeFirst();
  if (client) return Number(client.last_seq);
  await trx
    .insertInto('participant_clients')
    .values({ client_id: clientId, last_seq: 0, created_at: nowIso, updated_at: nowIso, expires_at: nowIso })
    .execute();
  return 0;
}

/**
 * Stores the participant device's new lastSeq in the push transaction, and until when it is
 * worth keeping: the latest close of the windows of the workshops the batch wrote to. After
 * that nothing from this device can apply, so its bookkeeping and refusals are pruned
 * (participant-traces.ts).
 */
export async function writeParticipantSeq(
  trx: Transaction<Database>, clientId: string, lastSeq: number, nowIso: string, mutations: readonly { args: unknown }[],
): Promise<void> {
  const closes = await findWindowCloses(trx, mutations);
  const stored = await trx.selectFrom('participant_clients').select('expires_at').where('client_id', '=', clientId).executeTakeFirst();
  const expiresAt = [nowIso, stored?.expires_at ?? nowIso, ...closes].sort().at(-1)!;
  await trx
    .updateTable('participant_clients')
    .set({ last_seq: lastSeq, updated_at: nowIso, expires_at: expiresAt })
    .where('client_id', '=', clientId)
    .execute();
}

/** When the windows close of the workshops the mutations name with their right code. */
async function findWindowCloses(trx: Transaction<Database>, mutations: readonly { args: unknown }[]): Promise<string[]> {
  const targets = mutations.map((m) => m.args as { workshopId?: unknown; workshopCode?: unknown } | null);
  // Raw args, before the full parse: only ids that can be ids reach SQL (a NUL fails PostgreSQL's statement).
  const ids = [...new Set(targets.map((t) => t?.workshopId).filter((id): id is string => typeof id === 'string' && isUuid(id)))];
  if (ids.length === 0) return [];
  const workshops = await trx.selectFrom('workshops').select(['id', 'code', 'data']).where('id', 'in', ids).execute();
  return workshops
    .filter((w) => targets.some((t) => t?.workshopId === w.id && readBatchCodes([{ args: t }])[0] === w.code))
    .map((w) => findWorkshopWindow(readJson<WorkshopFields>(w.data)).closesAt);
}
