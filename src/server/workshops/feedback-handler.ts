/**
 * Feedback is anonymous by design (DESIGN.md § Data): the stored row holds the workshop, its
 * owner (who may read it) and the answers — no user id, no device id, no attendance link and
 * no time of arrival. Even the id is not the device's: it is a hash of it, so the UUIDv7 made on
 * the phone (which carries the millisecond it was written) never reaches anyone who reads it.
 * Nor does the order of arrival: opinions reach staff only in shuffled groups (feedback-release.ts).
 */
import { createHash } from 'node:crypto';
import type { FeedbackSubmitArgs, FeedbackWaitingRow } from '../../shared/schemas/feedback';
import type { FeedbackTable, FeedbackWaitingTable } from '../store/schema';
import { readJson, writeJson } from '../store/json';
import type { MutationContext, MutationOutcome } from '../sync/mutation-context';
import { holdFeedback, isFeedbackKnown, isWindowClosed } from './feedback-release';
import { checkFeedbackRoom } from './participant-capacity';
import { checkWorkshopAccess } from './workshop-access';

/** The answers kept, exactly what the person chose to say. */
type FeedbackAnswers = Pick<FeedbackSubmitArgs, 'ratings' | 'recommend' | 'comment' | 'topics'>;

/** A feedback row as the workshop's owner and coordinadores pull it. */
export interface PulledFeedbackRow extends FeedbackAnswers {
  id: string;
  workshopId: string;
}

/** The stored id for a device's feedback id: the same input gives the same id, so a replay is one row. */
export function toStoredFeedbackId(deviceId: string): string {
  const hex = createHash('sha256').update(`tinkuy-feedback:${deviceId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A stored row as pulled. */
export function toFeedbackRow(stored: FeedbackTable): PulledFeedbackRow {
  return { ...readJson<FeedbackAnswers>(stored.answers), id: stored.id, workshopId: stored.workshop_id };
}

/** A workshop's count of held opinions as its staff pull it (`feedbackWaiting`). */
export function toFeedbackWaitingRow(stored: FeedbackWaitingTable): FeedbackWaitingRow {
  return { workshopId: stored.id, waiting: stored.waiting };
}

/**
 * `feedback.submit` v1: insert-only. A participant needs the workshop's code while its window
 * is open; after it the refusal says when it closed. The same feedback sent twice is one row.
 * It is held back until its group is released, never pulled on its own.
 */
export async function applyFeedbackSubmit(ctx: MutationContext, args: FeedbackSubmitArgs): Promise<MutationOutcome> {
  const access = await checkWorkshopAccess(ctx, args.workshopId, args.workshopCode);
  if (access.refusal) return access.refusal;
  const answers: FeedbackAnswers = {
    ratings: args.ratings,
    recommend: args.recommend,
    ...(args.comment ? { comment: args.comment } : {}),
    ...(args.topics?.length ? { topics: args.topics } : {}),
  };
  const id = toStoredFeedbackId(args.id);
  if (await isFeedbackKnown(ctx.trx, id)) return { applied: true };
  const noRoom = await checkFeedbackRoom(ctx, access.workshop);
  if (noRoom) return noRoom;
  await holdFeedback(ctx.trx, { id, workshop_id: args.workshopId, owner_id: access.workshop.owner_id, answers: writeJson(answers) }, isWindowClosed(access.workshop.data, ctx.nowIso));
  return { applied: true };
}
