import { FEEDBACK_DIMENSIONS, submitFeedback } from '../../state/feedback-model';
import {
  feedbackDrafts, makeEmptyFeedbackDraft, validateFeedbackDraft, type FeedbackDraft, type FeedbackErrors,
} from '../../state/feedback-form-model';
import { Icon } from '../shell/icons';
import { Field } from '../forms/field';
import { Notice } from '../forms/notice';
import { useDraftForm } from '../forms/use-draft-form';
import { t, type MessageKey } from '../../shared/i18n/participant';
import '../../shared/i18n/workshops';

/** A 1–5 (or 0–10) scale as a group of big radio buttons, each number with its word for the ends. */
function Scale({ name, legend, from, to, value, low, high, onPick }: {
  name: string; legend: string; from: number; to: number; value: number | null | undefined; low: string; high: string; onPick(n: number): void;
}) {
  const numbers = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <fieldset class="form-group ws-scale">
      <legend>{legend}</legend>
      <p class="form-hint" aria-hidden="true"><span>{from}: {low}</span> · <span>{to}: {high}</span></p>
      <div class="ws-scale__options">
        {numbers.map((n) => (
          <label key={n} class="ws-scale__option">
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => onPick(n)}
              aria-label={n === from ? `${n}, ${low}` : n === to ? `${n}, ${high}` : String(n)} />
            <span aria-hidden="true">{n}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Anonymous feedback: four 1–5 ratings, 0–10 recommendation, a comment and topics wanted next.
 * Saved on the device (offline too) and sent later; nothing identifying goes with it.
 */
export function FeedbackForm({ workshopId, workshopCode, onSent }: { workshopId: string; workshopCode?: string; onSent(): void }) {
  const form = useDraftForm<FeedbackDraft, FeedbackErrors>({ drafts: feedbackDrafts, key: workshopId, makeStart: makeEmptyFeedbackDraft });
  const handleSubmit = (e: Event) => form.submit(e, {
    validate: validateFeedbackDraft,
    save: async ({ input }) => {
      await submitFeedback({ workshopId, ...(workshopCode ? { workshopCode } : {}), ...input });
      onSent();
    },
    fixMessage: () => t('feedback.incomplete'),
    failedMessage: t('workshops.form.failed'),
  });
  const a = form.draft ?? makeEmptyFeedbackDraft();
  const change = form.change;
  return (
    <form ref={form.formRef} class="form" onSubmit={handleSubmit} noValidate aria-busy={form.isBusy} aria-labelledby="fb-title">
      <h2 id="fb-title">{t('feedback.title')}</h2>
      <p class="note"><Icon name="shield" /><span>{t('feedback.anonymous')}</span></p>
      {FEEDBACK_DIMENSIONS.map((d) => (
        <Scale key={d} name={`fb-${d}`} legend={t(`feedback.dim.${d}` as MessageKey)} from={1} to={5} value={a.ratings[d]}
          low={t('feedback.low')} high={t('feedback.high')} onPick={(n) => change({ ratings: { ...a.ratings, [d]: n } })} />
      ))}
      <Scale name="fb-recommend" legend={t('feedback.recommend')} from={0} to={10} value={a.recommend}
        low={t('feedback.recommendLow')} high={t('feedback.recommendHigh')} onPick={(n) => change({ recommend: n })} />
      <Field id="fb-comment" label={t('feedback.comment')}>
        <textarea id="fb-comment" rows={4} value={a.comment} onInput={(e) => change({ comment: e.currentTarget.value })} />
      </Field>
      <Field id="fb-topics" label={t('feedback.topics')} hint={t('feedback.topicsHint')}>
        <textarea id="fb-topics" rows={2} aria-describedby="fb-topics-hint" value={a.topics} onInput={(e) => change({ topics: e.currentTarget.value })} />
      </Field>
      <Notice kind="error" text={form.failure} noticeRef={form.noticeRef} />
      <button class="button" type="submit"><Icon name="pending" /><span>{t('feedback.send')}</span></button>
    </form>
  );
}
