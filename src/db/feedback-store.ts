import type { Change } from '../shared/protocol';
import type { FeedbackSubmitArgs, FeedbackWaitingRow } from '../shared/schemas/feedback';
import { readMeta, writeMeta } from './meta-store';
import type { UserDb } from './user-db';

/** The stored feedback row as the facilitador's pull brings it (anonymous: no user or device). */
export interface FeedbackRow {
  id: string;
  workshopId: string;
  ratings: FeedbackSubmitArgs['ratings'];
  recommend: number;
  comment?: string;
  topics?: string[];
  submittedAt?: string;
}

/** The meta key that remembers this device sent feedback for a workshop (nothing else is kept). */
export function feedbackSentKey(workshopId: string): string {
  return `feedbackSent:${workshopId}`;
}

/**
 * Applies `feedback.submit` locally. Anonymous by design: the answers are NOT copied into a
 * local table (they live only in the outbox until sent); only the fact that this device sent
 * feedback for the workshop is remembered, for the one-per-device soft limit. Call inside a
 * transaction that covers `meta`.
 */
export async function applyFeedbackSubmit(db: UserDb, args: FeedbackSubmitArgs): Promise<void> {
  await writeMeta(db.meta, feedbackSentKey(args.workshopId), true);
}

/** Whether this device already sent (or queued) feedback for the workshop. */
export function hasSentFeedback(db: UserDb, workshopId: string): Promise<boolean> {
  return db.meta.get(feedbackSentKey(workshopId)).then((row) => row?.value === true);
}

/** Feedback pulled for one workshop (the facilitador's and coordinador's devices only). */
export async function listFeedback(db: UserDb, workshopId: string): Promise<FeedbackRow[]> {
  return db.feedback.where('workshopId').equals(workshopId).toArray();
}

const waitingKey = (workshopId: string): string => `feedbackWaiting:${workshopId}`;

/**
 * Applies one pulled `feedbackWaiting` change: how many opinions the server still holds back for
 * a workshop (they arrive in groups, security report M1). Kept in `meta`: one key per workshop,
 * no new table version. Call inside the pull's transaction (it covers `meta`).
 */
export async function applyFeedbackWaiting(db: UserDb, change: Change): Promise<void> {
  const row = change.row as FeedbackWaitingRow | undefined;
  if (change.deleted || !row || row.waiting <= 0) await db.meta.delete(waitingKey(change.id));
  else await writeMeta(db.meta, waitingKey(change.id), row.waiting);
}

/** How many opinions of the workshop wait on the server, as this device last heard (0 if none). */
export async function readFeedbackWaiting(db: UserDb, workshopId: string): Promise<number> {
  return (await readMeta<number>(db.meta, waitingKey(workshopId))) ?? 0;
}
