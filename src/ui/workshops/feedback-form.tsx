import { useSignal } from '@preact/signals';
import { FEEDBACK_DIMENSIONS, submitFeedback, type FeedbackInput } from '../../state/feedback-model';
import { Icon } from '../shell/icons';
import { Notice } from './form-parts';
import { tw, type WorkshopTextKey } from './workshops-text';

type Answers = { ratings: Partial<FeedbackInput['ratings']>; recommend: number | null; comment: string; topics: string };

const DRAFT_KEY = 'tinkuy.feedback-draft.';

function loadAnswers(workshopId: string): Answers {
  try {
    const raw = globalThis.sessionStorage?.getItem(DRAFT_KEY + workshopId);
    if (raw) return JSON.parse(raw) as Answers;
  } catch {
    // blocked storage: start empty
  }
  return { ratings: {}, recommend: null, comment: '', topics: '' };
}

function keepAnswers(workshopId: string, answers: Answers | null): void {
  try {
    if (answers) globalThis.sessionStorage?.setItem(DRAFT_KEY + workshopId, JSON.stringify(answers));
    else globalThis.sessionStorage?.removeItem(DRAFT_KEY + workshopId);
  } catch {
    // the answers stay on screen; only a reload would lose them
  }
}

/** A 1–5 (or 0–10) scale as a group of big radio buttons, each number with its word for the ends. */
function Scale({ name, legend, from, to, value, low, high, onPick }: {
  name: string; legend: string; from: number; to: number; value: number | null | undefined; low: string; high: string; onPick(n: number): void;
}) {
  const numbers = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <fieldset class="ws-group ws-scale">
      <legend>{legend}</legend>
      <p class="ws-hint" aria-hidden="true"><span>{from}: {low}</span> · <span>{to}: {high}</span></p>
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
  const answers = useSignal<Answers>(loadAnswers(workshopId));
  const failure = useSignal('');
  function change(patch: Partial<Answers>) {
    answers.value = { ...answers.value, ...patch };
    keepAnswers(workshopId, answers.value);
  }
  async function handleSubmit(e: Event) {
    e.preventDefault();
    const a = answers.value;
    const missing = FEEDBACK_DIMENSIONS.filter((d) => !a.ratings[d]);
    if (missing.length > 0 || a.recommend === null) {
      failure.value = tw('feedback.incomplete');
      return;
    }
    try {
      await submitFeedback({
        workshopId, ...(workshopCode ? { workshopCode } : {}),
        ratings: a.ratings as FeedbackInput['ratings'], recommend: a.recommend,
        comment: a.comment, topics: a.topics.split(/[\n,;]/).map((s) => s.trim()).filter(Boolean).slice(0, 10),
      });
      keepAnswers(workshopId, null);
      onSent();
    } catch (error) {
      failure.value = error instanceof Error ? error.message : tw('workshops.form.failed');
    }
  }
  const a = answers.value;
  return (
    <form class="ws-form" onSubmit={handleSubmit} noValidate aria-labelledby="fb-title">
      <h2 id="fb-title">{tw('feedback.title')}</h2>
      <p class="note"><Icon name="shield" /><span>{tw('feedback.anonymous')}</span></p>
      {FEEDBACK_DIMENSIONS.map((d) => (
        <Scale key={d} name={`fb-${d}`} legend={tw(`feedback.dim.${d}` as WorkshopTextKey)} from={1} to={5} value={a.ratings[d]}
          low={tw('feedback.low')} high={tw('feedback.high')} onPick={(n) => change({ ratings: { ...a.ratings, [d]: n } })} />
      ))}
      <Scale name="fb-recommend" legend={tw('feedback.recommend')} from={0} to={10} value={a.recommend}
        low={tw('feedback.recommendLow')} high={tw('feedback.recommendHigh')} onPick={(n) => change({ recommend: n })} />
      <div class="ws-field">
        <label for="fb-comment">{tw('feedback.comment')}</label>
        <textarea id="fb-comment" rows={4} value={a.comment} onInput={(e) => change({ comment: e.currentTarget.value })} />
      </div>
      <div class="ws-field">
        <label for="fb-topics">{tw('feedback.topics')}</label>
        <p class="ws-hint" id="fb-topics-hint">{tw('feedback.topicsHint')}</p>
        <textarea id="fb-topics" rows={2} aria-describedby="fb-topics-hint" value={a.topics} onInput={(e) => change({ topics: e.currentTarget.value })} />
      </div>
      <Notice kind="error" text={failure.value} />
      <button class="button" type="submit"><Icon name="pending" /><span>{tw('feedback.send')}</span></button>
    </form>
  );
}
