import * as v from 'valibot';
import { Id, text } from './common';
import { WorkshopCode } from './workshop';

const Rating = v.pipe(v.number(), v.integer(), v.minValue(1, 'Las notas van de 1 a 5.'), v.maxValue(5, 'Las notas van de 1 a 5.'));

export const FEEDBACK_DIMENSIONS = ['contenido', 'facilitacion', 'utilidad', 'organizacion'] as const;

/** `feedback.submit` v1: anonymous, insert-only; no user, device or attendance link is stored. */
export const FeedbackSubmitArgs = v.strictObject({
  id: Id,
  workshopId: Id,
  workshopCode: v.optional(WorkshopCode),
  ratings: v.strictObject({ contenido: Rating, facilitacion: Rating, utilidad: Rating, organizacion: Rating }),
  recommend: v.pipe(v.number(), v.integer(), v.minValue(0, 'La recomendación va de 0 a 10.'), v.maxValue(10, 'La recomendación va de 0 a 10.')),
  comment: v.optional(text(2000, 'El comentario')),
  topics: v.optional(v.pipe(v.array(text(120, 'El tema')), v.maxLength(10))),
});
export type FeedbackSubmitArgs = v.InferOutput<typeof FeedbackSubmitArgs>;

/**
 * How many opinions of a workshop the server holds back until they can be released in a group
 * (pulled as `feedbackWaiting` by the workshop's staff): a count, never the answers.
 */
export interface FeedbackWaitingRow {
  workshopId: string;
  waiting: number;
}
