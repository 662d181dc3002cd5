/**
 * What the participants' door leaves behind is pruned once it can no longer matter (security
 * report M7): a participant device's bookkeeping (`participant_clients`) and its refusals
 * (`sync_rejections`) after the last window it wrote to has closed, and the door's counters
 * after their window; a staff device's refusals after STAFF_REFUSAL_RETENTION_MS. Run on a timer and, at most once a minute, at a participant's push or a
 * staff pull. The same round releases the opinions still held back for workshops whose window
 * closed (feedback-release.ts), so staff see them soon after the close.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context';
import { pruneCounters } from '../store/request-counters';
import type { Database } from '../store/schema';
import { releaseAtWindowClose } from './feedback-release';
import { PARTICIPANT_WINDOW_MS } from './participant-door';

/**
 * How long a staff device's refusal is kept: it answers a replay of a push whose answer was lost
 * (sync/rejections.ts), and a phone offline for weeks still retries within this; the
 * coordinación's activity view reads the last 30 days.
 */
export const STAFF_REFUSAL_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * Deletes the bookkeeping and refusals of participant devices whose windows all closed before
 * `nowIso`, and any refusal older than STAFF_REFUSAL_RETENTION_MS.
 */
export async function pruneParticipantTraces(db: Kysely<Database>, nowIso: string): Promise<void> {
  const expired = db.selectFrom('participant_clients').select('client_id').where('expires_at', '<', nowIso);
  await db.deleteFrom('sync_rejections').where('client_id', 'in', expired).execute();
  const keptSince = new Date(Date.parse(nowIso) - STAFF_REFUSAL_RETENTION_MS).toISOString();
  await db.deleteFrom('sync_rejections').where('created_at', '<', keptSince).execute();
  await db.deleteFrom('participant_clients').where('expires_at', '<', nowIso).execute();
  await pruneCounters(db, Date.parse(nowIso), PARTICIPANT_WINDOW_MS);
}

const EVERY_MS = 60_000;

/**
 * Runs the pruning at most once per minute of `now` (the app's clock, so tests move it), and
 * never fails the request that triggered it: a failed pruning is logged and tried next time.
 */
export function createParticipantHousekeeping({ db, engine, now }: AppContext, log: FastifyBaseLogger) {
  let lastRunMs = Number.NEGATIVE_INFINITY;
  let running: Promise<void> | undefined;
  const run = async (): Promise<void> => {
    const nowMs = now();
    if (running || nowMs - lastRunMs < EVERY_MS) return running;
    lastRunMs = nowMs;
    const nowIso = new Date(nowMs).toISOString();
    running = pruneParticipantTraces(db, nowIso)
      .then(() => releaseAtWindowClose(db, engine, nowIso))
      .then(() => undefined)
      .catch((error: unknown) => log.warn({ err: error }, 'pruning the participants’ traces failed; it runs again later'))
      .finally(() => (running = undefined));
    return running;
  };
  return { run };
}
