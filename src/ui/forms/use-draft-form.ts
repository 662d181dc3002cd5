import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import type { SessionDraft } from '../../state/session-draft';

/** Errors by field, in Spanish. */
export type FieldErrors = Partial<Record<string, string>>;

/** How one form checks, saves and words its summary. */
export interface SubmitSteps<T, R, E extends FieldErrors> {
  /** The form's check: what to save, or the errors by field. */
  validate(draft: T): { errors: E } | R;
  /** Saves (offline too); throws with a Spanish message when it cannot. The draft is forgotten after. */
  save(valid: R, draft: T): Promise<void>;
  /** The summary above the form when fields are marked. */
  fixMessage(errors: E): string;
  /** Said when saving threw something without a message. */
  failedMessage: string;
}

/** A form's draft, errors and save in one place; what `useDraftForm` gives a screen. */
export interface DraftForm<T, E extends FieldErrors> {
  /** What is typed; undefined while a stored record loads (then `fill`). */
  draft: T | undefined;
  errors: E;
  /** The summary or the reason a save failed, shown in the form's `Notice`. */
  failure: string;
  isBusy: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  noticeRef: RefObject<HTMLDivElement | null>;
  /** Applies what was typed, keeps it for a reload, and clears the errors of the fields fixed. */
  change(patch: Partial<T>): void;
  /** Shows `draft` (e.g. a stored record) without keeping it. */
  fill(draft: T): void;
  /** Starts over from `next`, with nothing kept, marked or failed. */
  reset(next: T): void;
  /** The submit handler: check, focus the first invalid field, or save once (a double tap is ignored). */
  submit<R extends object>(event: Event, steps: SubmitSteps<T, R, E>): Promise<void>;
}

interface DraftFormOptions<T> {
  drafts: SessionDraft<T>;
  /** The form's key in `drafts` (`nuevo`, an id, `t:<code>`…). */
  key: string;
  /** The draft when none is kept: empty, or undefined to wait for `record`. */
  makeStart(): T | undefined;
  /** The stored record as a draft (editing), shown once it loads when nothing was kept. */
  record?: T | undefined;
  /** Inputs whose error shows under another field's name (e.g. `startTime` → `startDate`). */
  errorFieldOf?: Readonly<Record<string, string>>;
}

/** Moves focus to the first marked control: an input, or the first choice of a marked group. */
function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input')?.focus());
}

function isRefused<E>(checked: object): checked is { errors: E } {
  return 'errors' in checked;
}

function describeFailure(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}

/**
 * The one controller of every draft form: the draft kept in sessionStorage at each keystroke (a
 * reload or a killed app loses nothing), errors by field with focus on the first, and a busy
 * guard so a double tap on a slow phone saves once. Saving works offline: it is queued.
 */
export function useDraftForm<T extends object, E extends FieldErrors>({ drafts, key, makeStart, record, errorFieldOf = {} }: DraftFormOptions<T>): DraftForm<T, E> {
  const draft = useSignal<T | undefined>(undefined);
  const hasStarted = useRef(false);
  if (!hasStarted.current) {
    hasStarted.current = true;
    draft.value = drafts.load(key) ?? makeStart();
  }
  const errors = useSignal<E>({} as E);
  const failure = useSignal('');
  const isBusy = useSignal(false);
  const formRef = useRef<HTMLFormElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!draft.value && record) draft.value = record;
  }, [record === undefined]);

  function change(patch: Partial<T>) {
    const base = draft.value ?? makeStart();
    if (!base) return;
    const next = { ...base, ...patch };
    draft.value = next;
    drafts.keep(key, next);
    // A field being fixed loses its error at once; the others wait for the next save.
    const fixed = Object.keys(patch).map((field) => errorFieldOf[field] ?? field);
    if (fixed.some((field) => field in errors.value)) {
      errors.value = Object.fromEntries(Object.entries(errors.value).filter(([field]) => !fixed.includes(field))) as E;
    }
  }

  function reset(next: T) {
    draft.value = next;
    drafts.forget(key);
    errors.value = {} as E;
    failure.value = '';
  }

  async function submit<R extends object>(event: Event, steps: SubmitSteps<T, R, E>) {
    event.preventDefault();
    const current = draft.value;
    if (!current || isBusy.value) return;
    const checked = steps.validate(current);
    if (isRefused<E>(checked)) {
      errors.value = checked.errors;
      failure.value = steps.fixMessage(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    errors.value = {} as E;
    failure.value = '';
    isBusy.value = true;
    try {
      await steps.save(checked, current);
      drafts.forget(key);
    } catch (error) {
      failure.value = describeFailure(error, steps.failedMessage);
      noticeRef.current?.focus();
    } finally {
      isBusy.value = false;
    }
  }

  return {
    draft: draft.value, errors: errors.value, failure: failure.value, isBusy: isBusy.value, formRef, noticeRef,
    change, fill: (next) => (draft.value = next), reset, submit,
  };
}
