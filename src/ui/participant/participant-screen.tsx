import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { useLocation } from 'preact-iso';
import { findWindowState, watchWorkshopByCode, type LocalWorkshop } from '../../state/workshop-model';
import { registerAttendance } from '../../state/attendance-model';
import { readFeedbackSent } from '../../state/feedback-model';
import { attendanceDrafts, makeEmptyAttendanceDraft, type AttendanceDraft, type AttendanceErrors } from '../../state/attendance-form-model';
import { pendingCount, syncNow } from '../../state/sync-model';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { attendanceSteps, AttendanceFields, ConsentFields } from '../workshops/attendance-fields';
import { FeedbackForm } from '../workshops/feedback-form';
import { Notice } from '../forms/notice';
import type { ParticipantAction } from '../../state/refusal-model';
import { isRefused, RefusalNote, WindowShut } from './participant-notes';
import { useDraftForm } from '../forms/use-draft-form';
import { describeModality } from '../workshops/format';
import { formatRange } from '../../shared/calendar/lima-dates';
import '../workshops/workshops.css';
import { t } from '../../shared/i18n/participant';
import '../../shared/i18n/workshops';

/**
 * Sent or waiting: the state of what this phone saved, in a word and an icon. A refused action
 * says nothing here: its refusal (RefusalNote) is shown instead, never a false «Enviado».
 */
function SendState({ workshopId, action }: { workshopId: string; action: ParticipantAction }) {
  if (isRefused(workshopId, action)) return null;
  const waiting = pendingCount.value > 0;
  return (
    <p class="ws-state" role="status">
      <Icon name={waiting ? 'pending' : 'upToDate'} />
      <span>{waiting ? t('participant.waiting') : t('participant.sent')}</span>
    </p>
  );
}

/** Self check-in: the same fields and consent as the facilitador's form, sent with the workshop code. */
function CheckIn({ workshop }: { workshop: LocalWorkshop }) {
  const form = useDraftForm<AttendanceDraft, AttendanceErrors>({ drafts: attendanceDrafts, key: `t:${workshop.code}`, makeStart: makeEmptyAttendanceDraft });
  const savedName = useSignal('');
  const handleSubmit = (e: Event) => form.submit(e, attendanceSteps(async (person) => {
    await registerAttendance({ workshopId: workshop.id, workshopCode: workshop.code, person, consentGiven: true });
    savedName.value = person.fullName;
  }));
  if (savedName.value) {
    return (
      <>
        <Notice kind="done" text={t('participant.checkedIn', { name: savedName.value })} />
        <SendState workshopId={workshop.id} action="attendance.register" />
        <a class="button" href={`/t/${workshop.code}/opinion`}><Icon name="chevron" /><span>{t('participant.toFeedback')}</span></a>
      </>
    );
  }
  const draft = form.draft ?? makeEmptyAttendanceDraft();
  return (
    <form ref={form.formRef} class="form" onSubmit={handleSubmit} noValidate aria-busy={form.isBusy} aria-label={t('participant.checkIn')}>
      <Notice kind="error" text={form.failure} noticeRef={form.noticeRef} />
      <AttendanceFields draft={draft} errors={form.errors} onChange={form.change} prefix="self" />
      <ConsentFields draft={draft} errors={form.errors} onChange={form.change} prefix="self" />
      <p id="self-save-why" class={draft.consent ? 'visually-hidden' : 'form-hint form-hint--strong'}>{draft.consent ? '' : t('attendance.needsConsent')}</p>
      <button class="button ws-save" type="submit" aria-describedby="self-save-why"><Icon name="upToDate" /><span>{t('participant.checkInSave')}</span></button>
    </form>
  );
}

function Feedback({ workshop }: { workshop: LocalWorkshop }) {
  const sentBefore = useSignal<boolean | undefined>(undefined);
  const sentNow = useSignal(false);
  useEffect(() => {
    void readFeedbackSent(workshop.id).then((sent) => (sentBefore.value = sent), () => (sentBefore.value = false));
  }, [workshop.id]);
  if (sentBefore.value === undefined && !sentNow.value) return <p>{t('workshops.loading')}</p>;
  if (isRefused(workshop.id, 'feedback.submit')) return null; // the RefusalNote above says what happened
  if (sentBefore.value || sentNow.value) return <><Notice kind="done" text={t('participant.feedbackSent')} /><SendState workshopId={workshop.id} action="feedback.submit" /></>;
  return <FeedbackForm workshopId={workshop.id} workshopCode={workshop.code} onSent={() => (sentNow.value = true)} />;
}

/** The two actions and the chosen one's form, offered only while the window is open. */
function Actions({ workshop, view }: { workshop: LocalWorkshop; view: string | undefined }) {
  return (
    <>
      <nav class="ws-actions" aria-label={t('participant.nav')}>
        <a class={view === 'asistencia' ? 'button' : 'button button--secondary'} href={`/t/${workshop.code}/asistencia`} aria-current={view === 'asistencia' ? 'page' : undefined}>
          <Icon name="user" /><span>{t('participant.checkIn')}</span>
        </a>
        <a class={view === 'opinion' ? 'button' : 'button button--secondary'} href={`/t/${workshop.code}/opinion`} aria-current={view === 'opinion' ? 'page' : undefined}>
          <Icon name="catalogue" /><span>{t('participant.giveFeedback')}</span>
        </a>
      </nav>
      {view === 'asistencia' && <CheckIn workshop={workshop} />}
      {view === 'opinion' && <Feedback workshop={workshop} />}
      {!view && <p class="note"><Icon name="info" /><span>{t('participant.intro')}</span></p>}
    </>
  );
}

/**
 * What a participant without an account sees at `/t/<CODE>` (the QR link). Opened once online,
 * the catalogue pull brings the workshop; after that check-in and feedback work offline and wait
 * in the outbox, sent with the code (no account) when the phone is back online.
 */
export function ParticipantScreen() {
  const { path } = useLocation();
  const [, rawCode = '', view] = path.split('/').filter(Boolean);
  const code = decodeURIComponent(rawCode).toUpperCase();
  const workshop = watchWorkshopByCode(code).value;
  useEffect(() => {
    if (workshop === null) void syncNow().catch(() => undefined); // not on this phone yet: pull the programme
  }, [workshop === null]);
  if (workshop === undefined) return <section class="screen workshops"><p>{t('workshops.loading')}</p></section>;
  if (workshop === null) {
    return (
      <section class="screen workshops">
        <ScreenHeader title={t('participant.notFoundTitle', { code })} />
        <p class="note note--attention"><Icon name="attention" /><span>{t('participant.notFound')}</span></p>
      </section>
    );
  }
  // Closed or not open yet by this phone's clock (the server's rule): no form that can only be refused.
  const windowState = findWindowState(workshop);
  return (
    <section class="screen workshops">
      <ScreenHeader title={workshop.title} />
      <p class="ws-when">{formatRange(workshop.startsAt, workshop.endsAt)} · {describeModality(workshop.modality)}</p>
      <RefusalNote workshopId={workshop.id} action="attendance.register" />
      <RefusalNote workshopId={workshop.id} action="feedback.submit" />
      {windowState === 'open' ? <Actions workshop={workshop} view={view} /> : <WindowShut workshop={workshop} state={windowState} />}
    </section>
  );
}
