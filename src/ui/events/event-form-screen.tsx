import { useLocation } from 'preact-iso';
import { saveEvent, watchEvent } from '../../state/event-model';
import { canEditEvent } from '../../state/permission-model';
import { addTemplateById } from '../../state/event-checklists-model';
import { eventDrafts, makeDraftFromEvent, makeEmptyDraft, validateDraft, type DraftErrors, type EventDraft } from '../../state/event-form-model';
import { BackLink, ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { Notice } from '../forms/notice';
import { useDraftForm } from '../forms/use-draft-form';
import { EventFormFields } from './event-form-fields';
import { t } from '../../shared/i18n/events';

// Inputs whose errors show under another field's name.
const FIELD_OF_INPUT = {
  startTime: 'startDate', endTime: 'endDate', regionCode: 'place', provinceCode: 'place', districtCode: 'place',
} as const;

/**
 * Nuevo evento / Editar evento. What is typed is kept in this tab's sessionStorage at every
 * keystroke, so a reload or a killed app brings it back; saving works offline (it is queued).
 */
export function EventFormScreen({ eventId, templateId }: { eventId?: string; templateId?: string | undefined }) {
  const stored = eventId ? watchEvent(eventId).value : undefined;
  const form = useDraftForm<EventDraft, DraftErrors>({
    drafts: eventDrafts, key: eventId ?? 'nuevo', makeStart: () => (eventId ? undefined : makeEmptyDraft()),
    record: stored ? makeDraftFromEvent(stored) : undefined, errorFieldOf: FIELD_OF_INPUT,
  });
  const { route } = useLocation();

  const handleSubmit = (e: Event) => form.submit(e, {
    validate: (draft) => validateDraft(draft, eventId),
    save: async ({ input }) => {
      const id = await saveEvent(input);
      if (templateId) await addTemplateById(id, templateId);
      route(`/eventos/${id}${eventId ? '' : '?nuevo=1'}`);
    },
    fixMessage: () => t('events.form.fix'),
    failedMessage: t('events.form.failed'),
  });

  if (stored && !canEditEvent(stored)) {
    // Reached by its address only: the event screen offers no «Editar» on someone else's event.
    return (
      <section class="screen events">
        <ScreenHeader title={t('events.edit')} />
        <BackLink href={`/eventos/${stored.id}`} label={t('events.backToEvent')} />
        <p class="note"><Icon name="info" /><span>{t('events.othersEvent')}</span></p>
      </section>
    );
  }
  return (
    <section class="screen events">
      <ScreenHeader title={eventId ? t('events.edit') : t('events.new')} />
      <BackLink href={eventId ? `/eventos/${eventId}` : '/eventos'} label={t(eventId ? 'events.backToEvent' : 'events.backToList')} />
      <p class="note"><Icon name="info" /><span>{t('events.form.offline')}</span></p>
      <Notice kind="error" text={form.failure} noticeRef={form.noticeRef} />
      {form.draft ? (
        <form ref={form.formRef} class="form" onSubmit={handleSubmit} noValidate aria-busy={form.isBusy}>
          <EventFormFields draft={form.draft} errors={form.errors} onChange={form.change} />
          <button class="button" type="submit" disabled={form.isBusy}>
            {form.isBusy ? t('events.form.saving') : t('events.form.save')}
          </button>
        </form>
      ) : (
        <p>{t('events.loading')}</p>
      )}
    </section>
  );
}
