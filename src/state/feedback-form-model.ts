/**
 * The anonymous feedback form as answered, its check (every rating and the recommendation), and
 * where its draft is kept (sessionStorage, this tab only) so a reload loses no answer. Nothing
 * identifying is in it; offline nothing changes.
 */
import { FEEDBACK_DIMENSIONS, type FeedbackInput } from './feedback-model';
import { createSessionDraft } from './session-draft';

/** The answers as given so far. */
export interface FeedbackDraft {
  ratings: Partial<FeedbackInput['ratings']>;
  recommend: number | null;
  comment: string;
  topics: string;
}

/** Errors of the feedback form: which answers are missing. */
export type FeedbackErrors = Partial<Record<'ratings' | 'recommend', string>>;

/** No answer yet. */
export function makeEmptyFeedbackDraft(): FeedbackDraft {
  return { ratings: {}, recommend: null, comment: '', topics: '' };
}

/** The answers to send (without workshop), or which are missing (the form words the summary). */
export function validateFeedbackDraft(draft: FeedbackDraft): { input: Omit<FeedbackInput, 'workshopId' | 'workshopCode'> } | { errors: FeedbackErrors } {
  const errors: FeedbackErrors = {};
  if (FEEDBACK_DIMENSIONS.some((d) => !draft.ratings[d])) errors.ratings = 'missing';
  if (draft.recommend === null) errors.recommend = 'missing';
  if (errors.ratings || errors.recommend || draft.recommend === null) return { errors };
  return {
    input: {
      ratings: draft.ratings as FeedbackInput['ratings'], recommend: draft.recommend, comment: draft.comment,
      topics: draft.topics.split(/[\n,;]/).map((s) => s.trim()).filter(Boolean).slice(0, 10),
    },
  };
}

/** The drafts of the feedback form, by workshop id. */
export const feedbackDrafts = createSessionDraft('tinkuy.feedback-draft.', makeEmptyFeedbackDraft);
