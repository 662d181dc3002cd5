/**
 * Anonymous feedback on a workshop. The answers live only in the outbox until sent (nothing
 * identifying is kept, not even locally); the device remembers only that it sent feedback for
 * the workshop, a soft limit of one per device. Offline it waits in the outbox.
 */
import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { hasSentFeedback, listFeedback, readFeedbackWaiting, type FeedbackRow } from '../db/feedback-store';
import { keyedLiveSignal } from './live-signal';
import { recordMutation } from '../db/record-mutation';
import { uuidv7 } from '../shared/ids';
import { FEEDBACK_DIMENSIONS, type FeedbackSubmitArgs } from '../shared/schemas/feedback';

export type { FeedbackRow };
export { FEEDBACK_DIMENSIONS };

/** What the feedback form gives. */
export type FeedbackInput = Omit<FeedbackSubmitArgs, 'id'>;

/** Queues `feedback.submit` and remembers this device sent it, in one transaction. Throws in Spanish. */
export async function submitFeedback(input: FeedbackInput): Promise<void> {
  const args = { ...input, id: uuidv7() } as FeedbackSubmitArgs;
  if (!args.comment?.trim()) delete args.comment;
  if (!args.topics?.length) delete args.topics;
  await recordMutation(getDatabases().user, 'feedback.submit', args);
}

/** Whether this device already sent (or queued) feedback for the workshop; read once when the form opens. */
export function readFeedbackSent(workshopId: string): Promise<boolean> {
  return hasSentFeedback(getDatabases().user, workshopId);
}

/** Feedback pulled for a workshop (facilitador's device), live. */
export const watchFeedback: (workshopId: string) => ReadonlySignal<FeedbackRow[]> = keyedLiveSignal(
  (workshopId) => listFeedback(getDatabases().user, workshopId),
  [],
);

/**
 * How many opinions the server holds back for a workshop until they can go out in a group (at
 * least five, or at the window's close), as the last sync said; live.
 */
export const watchFeedbackWaiting: (workshopId: string) => ReadonlySignal<number> = keyedLiveSignal(
  (workshopId) => readFeedbackWaiting(getDatabases().user, workshopId),
  0,
);

/** Averages, distributions and the recommendation score of a workshop's feedback. */
export interface FeedbackSummary {
  count: number;
  /** Per dimension: average (one decimal) and how many gave 1…5 (index 0 = 1). */
  dimensions: { key: (typeof FEEDBACK_DIMENSIONS)[number]; average: number; distribution: number[] }[];
  /** 0–10 answers: how many gave each (index = score). */
  recommend: number[];
  /** Net Promoter style: % 9–10 minus % 0–6, rounded; 0 with no answers. */
  nps: number;
  promoters: number;
  passives: number;
  detractors: number;
  comments: string[];
  topics: string[];
}

/** Summarises feedback rows (pure). */
export function summariseFeedback(rows: readonly FeedbackRow[]): FeedbackSummary {
  const dimensions = FEEDBACK_DIMENSIONS.map((key) => {
    const distribution = [0, 0, 0, 0, 0];
    let sum = 0;
    for (const row of rows) {
      const score = row.ratings[key];
      distribution[score - 1] = (distribution[score - 1] ?? 0) + 1;
      sum += score;
    }
    return { key, average: rows.length ? Math.round((sum / rows.length) * 10) / 10 : 0, distribution };
  });
  const recommend = Array.from({ length: 11 }, () => 0);
  for (const row of rows) recommend[row.recommend] = (recommend[row.recommend] ?? 0) + 1;
  const promoters = rows.filter((r) => r.recommend >= 9).length;
  const detractors = rows.filter((r) => r.recommend <= 6).length;
  const nps = rows.length ? Math.round(((promoters - detractors) / rows.length) * 100) : 0;
  return {
    count: rows.length, dimensions, recommend, nps, promoters, detractors, passives: rows.length - promoters - detractors,
    comments: rows.map((r) => r.comment?.trim() ?? '').filter(Boolean),
    topics: rows.flatMap((r) => r.topics ?? []).filter((topic) => topic.trim()),
  };
}
