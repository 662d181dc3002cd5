import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { useLocation } from 'preact-iso';
import { saveEvent, watchEvent } from '../../state/event-model';
import { addTemplateById } from '../../state/event-checklists-model';
import {
  forgetDraft, keepDraft, loadDraft, makeDraftFromEvent, makeEmptyDraft, validateDraft,
  type DraftErrors, type EventDraft,
} from '../../state/event-form-model';
import { t } from '../../shared/i18n';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { EventFormFields } from './event-form-fields';

// Inputs whose errors show under another field's name.
const FIELD_OF_INPUT: Record<string, string> = {
  startTime: 'startDate', endTime: 'endDate', regionCode: 'place', provinceCode: 'place', districtCode: 'place',
};

/**
 * Nuevo evento / Editar evento. What is typed is kept in this tab's sessionStorage at every
 * keystroke, so a reload or a killed app brings it back; saving works offline (it is queued).
 */
export function EventFormScreen({ eventId, templateId }: { eventId?: string; templateId?: string | undefined }) {
  const formKey = eventId ?? 'nuevo';
  const stored = eventId ? watchEvent(eventId).value : undefined;
  const draft = useSignal<EventDraft | undefined>(eventId ? loadDraft(formKey) : loadDraft(formKey) ?? makeEmptyDraft());
  const errors = useSignal<DraftErrors>({});
  const failure = useSignal('');
  const isBusy = useSignal(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const { route } = useLocation();

  useEffect(() => {
    if (!draft.value && stored) draft.value = makeDraftFromEvent(stored);
  }, [stored]);

  function change(patch: Partial<EventDraft>) {
    const next = { ...(draft.value ?? makeEmptyDraft()), ...patch };
    draft.value = next;
    keepDraft(formKey, next);
    // A field being fixed loses its error at once; the rest wait for the next save.
    const fixed = Object.keys(patch).map((key) => FIELD_OF_INPUT[key] ?? key);
    if (fixed.some((field) => field in errors.value)) {
      errors.value = Object.fromEntries(Object.entries(errors.value).filter(([field]) => !fixed.includes(field)));
    }
  }

  async function handleSubmit(e: Event) {
    e.preventDefault();
    if (!draft.value || isBusy.value) return;
    const checked = validateDraft(draft.value, eventId);
    if ('errors' in checked) {
      errors.value = checked.errors;
      failure.value = t('events.form.fix');
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.event-form [aria-invalid="true"]')?.focus());
      return;
    }
    errors.value = {};
    isBusy.value = true;
    try {
      const id = await saveEvent(checked.input);
      if (templateId) await addTemplateById(id, templateId);
      forgetDraft(formKey);
      route(`/eventos/${id}${eventId ? '' : '?nuevo=1'}`);
    } catch (error) {
      failure.value = error instanceof Error ? error.message : t('events.form.failed');
      alertRef.current?.focus();
    } finally {
      isBusy.value = false;
    }
  }

  const title = eventId ? t('events.edit') : t('events.new');
  return (
    <section class="screen events">
      <ScreenHeader title={title} />
      <a class="screen-header__back" href={eventId ? `/eventos/${eventId}` : '/eventos'}>
        <Icon name="back" />
        <span>{t('shell.back')}</span>
      </a>
      <p class="note"><Icon name="info" /><span>{t('events.form.offline')}</span></p>
      <div ref={alertRef} tabIndex={-1} role="alert" class={failure.value ? 'note note--attention' : 'visually-hidden'}>
        {failure.value && <Icon name="attention" />}
        <span>{failure.value}</span>
      </div>
      {draft.value ? (
        <form class="event-form" onSubmit={handleSubmit} noValidate aria-busy={isBusy.value}>
          <EventFormFields draft={draft.value} errors={errors.value} onChange={change} />
          <button class="button" type="submit" disabled={isBusy.value}>
            {isBusy.value ? t('events.form.saving') : t('events.form.save')}
          </button>
        </form>
      ) : (
        <p>{t('events.loading')}</p>
      )}
    </section>
  );
}
