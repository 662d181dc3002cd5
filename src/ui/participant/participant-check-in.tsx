import { useSignal } from '@preact/signals';
import type { LocalWorkshop } from '../../state/workshop-model';
import { registerAttendance } from '../../state/attendance-model';
import { attendanceDrafts, makeEmptyAttendanceDraft, type AttendanceDraft, type AttendanceErrors } from '../../state/attendance-form-model';
import { findWorkshopRegion, watchCheckIn } from '../../state/participant-model';
import { Icon } from '../shell/icons';
import { attendanceSteps, AttendanceFields, ConsentFields } from '../workshops/attendance-fields';
import { Notice } from '../forms/notice';
import { useDraftForm } from '../forms/use-draft-form';
import { SendState } from './send-state';
import { t } from '../../shared/i18n/participant';
import '../../shared/i18n/workshops';

/**
 * Self check-in: the same fields as the facilitador's form, the consent in the person's own words,
 * the region taken from the workshop, sent with the workshop code. Once done, this phone
 * remembers it (a reload shows the thanks, not an empty form); someone else may still use the
 * phone to check in.
 */
export function CheckIn({ workshop }: { workshop: LocalWorkshop }) {
  const checkedInAs = watchCheckIn(workshop.id).value;
  const isAnother = useSignal(false);
  if (checkedInAs === undefined) return <p>{t('participant.loading')}</p>;
  if (checkedInAs !== null && !isAnother.value) {
    return (
      <>
        <Notice kind="done" text={t('participant.checkedIn', { name: checkedInAs })} />
        <SendState workshopId={workshop.id} action="attendance.register" />
        <div class="ws-actions">
          <a class="button" href={`/t/${workshop.code}/opinion`}><Icon name="chevron" /><span>{t('participant.toFeedback')}</span></a>
          <button class="button button--secondary" type="button" onClick={() => (isAnother.value = true)}>
            <Icon name="user" /><span>{t('participant.checkInAnother')}</span>
          </button>
        </div>
      </>
    );
  }
  return <CheckInForm workshop={workshop} onDone={() => (isAnother.value = false)} />;
}

function CheckInForm({ workshop, onDone }: { workshop: LocalWorkshop; onDone(): void }) {
  const makeStart = () => ({ ...makeEmptyAttendanceDraft(), regionCode: findWorkshopRegion(workshop) });
  const form = useDraftForm<AttendanceDraft, AttendanceErrors>({ drafts: attendanceDrafts, key: `t:${workshop.code}`, makeStart });
  const handleSubmit = (e: Event) => form.submit(e, attendanceSteps(async (person) => {
    await registerAttendance({ workshopId: workshop.id, workshopCode: workshop.code, person, consentGiven: true });
    onDone();
  }));
  const draft = form.draft ?? makeStart();
  return (
    <form ref={form.formRef} class="form" onSubmit={handleSubmit} noValidate aria-busy={form.isBusy} aria-label={t('participant.checkIn')}>
      <Notice kind="error" text={form.failure} noticeRef={form.noticeRef} />
      <AttendanceFields draft={draft} errors={form.errors} onChange={form.change} prefix="self" />
      <ConsentFields draft={draft} errors={form.errors} onChange={form.change} prefix="self" consentLabel={t('participant.consent')} />
      <p id="self-save-why" class={draft.consent ? 'visually-hidden' : 'form-hint form-hint--strong'}>{draft.consent ? '' : t('participant.needsConsent')}</p>
      <button class="button ws-save" type="submit" aria-describedby="self-save-why"><Icon name="upToDate" /><span>{t('participant.checkInSave')}</span></button>
    </form>
  );
}
