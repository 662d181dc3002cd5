import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { useLocation } from 'preact-iso';
import { findWindowState, watchWorkshopByCode, type LocalWorkshop } from '../../state/workshop-model';
import { registerAttendance } from '../../state/attendance-model';
import { readFeedbackSent } from '../../state/feedback-model';
import {
  forgetAttendanceDraft, keepAttendanceDraft, loadAttendanceDraft, makeEmptyAttendanceDraft, validateAttendanceDraft,
  type AttendanceDraft, type AttendanceErrors,
} from '../../state/attendance-form-model';
import { pendingCount, syncNow } from '../../state/sync-model';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { AttendanceFields, ConsentFields } from '../workshops/attendance-fields';
import { FeedbackForm } from '../workshops/feedback-form';
import { Notice } from '../workshops/form-parts';
import { describeModality, formatWhen } from '../workshops/format';
import { tw } from '../workshops/workshops-text';
import '../workshops/workshops.css';

/** Sent or waiting: the state of what this phone saved, in a word and an icon. */
function SendState() {
  const waiting = pendingCount.value > 0;
  return (
    <p class="ws-state" role="status">
      <Icon name={waiting ? 'pending' : 'upToDate'} />
      <span>{waiting ? tw('participant.waiting') : tw('participant.sent')}</span>
    </p>
  );
}

/** Self check-in: the same fields and consent as the facilitador's form, sent with the workshop code. */
function CheckIn({ workshop }: { workshop: LocalWorkshop }) {
  const key = `t:${workshop.code}`;
  const draft = useSignal<AttendanceDraft>(loadAttendanceDraft(key) ?? makeEmptyAttendanceDraft());
  const errors = useSignal<AttendanceErrors>({});
  const failure = useSignal('');
  const savedName = useSignal('');
  const formRef = useRef<HTMLFormElement>(null);
  function change(patch: Partial<AttendanceDraft>) {
    draft.value = { ...draft.value, ...patch };
    keepAttendanceDraft(key, draft.value);
  }
  async function handleSubmit(e: Event) {
    e.preventDefault();
    const checked = validateAttendanceDraft(draft.value);
    if ('errors' in checked) {
      errors.value = checked.errors;
      failure.value = checked.errors.consent && Object.keys(checked.errors).length === 1 ? checked.errors.consent : tw('attendance.fix');
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    try {
      await registerAttendance({ workshopId: workshop.id, workshopCode: workshop.code, person: checked.person, consentGiven: true });
      forgetAttendanceDraft(key);
      savedName.value = checked.person.fullName;
    } catch (error) {
      failure.value = error instanceof Error ? error.message : tw('workshops.form.failed');
    }
  }
  if (savedName.value) {
    return (
      <>
        <Notice kind="done" text={tw('participant.checkedIn', { name: savedName.value })} />
        <SendState />
        <a class="button" href={`/t/${workshop.code}/opinion`}><Icon name="chevron" /><span>{tw('participant.toFeedback')}</span></a>
      </>
    );
  }
  return (
    <form ref={formRef} class="ws-form" onSubmit={handleSubmit} noValidate aria-label={tw('participant.checkIn')}>
      <Notice kind="error" text={failure.value} />
      <AttendanceFields draft={draft.value} errors={errors.value} onChange={change} prefix="self" />
      <ConsentFields draft={draft.value} errors={errors.value} onChange={change} prefix="self" />
      <p id="self-save-why" class={draft.value.consent ? 'visually-hidden' : 'ws-hint ws-hint--strong'}>{draft.value.consent ? '' : tw('attendance.needsConsent')}</p>
      <button class="button ws-save" type="submit" aria-describedby="self-save-why"><Icon name="upToDate" /><span>{tw('participant.checkInSave')}</span></button>
    </form>
  );
}

function Feedback({ workshop }: { workshop: LocalWorkshop }) {
  const sentBefore = useSignal<boolean | undefined>(undefined);
  const sentNow = useSignal(false);
  useEffect(() => {
    void readFeedbackSent(workshop.id).then((sent) => (sentBefore.value = sent), () => (sentBefore.value = false));
  }, [workshop.id]);
  if (sentBefore.value === undefined && !sentNow.value) return <p>{tw('workshops.loading')}</p>;
  if (sentBefore.value || sentNow.value) return <><Notice kind="done" text={tw('participant.feedbackSent')} /><SendState /></>;
  return <FeedbackForm workshopId={workshop.id} workshopCode={workshop.code} onSent={() => (sentNow.value = true)} />;
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
  if (workshop === undefined) return <section class="screen workshops"><p>{tw('workshops.loading')}</p></section>;
  if (workshop === null) {
    return (
      <section class="screen workshops">
        <ScreenHeader title={tw('participant.notFoundTitle', { code })} />
        <p class="note note--attention"><Icon name="attention" /><span>{tw('participant.notFound')}</span></p>
      </section>
    );
  }
  return (
    <section class="screen workshops">
      <ScreenHeader title={workshop.title} />
      <p class="ws-when">{formatWhen(workshop)} · {describeModality(workshop.modality)}</p>
      {findWindowState(workshop) !== 'open' && (
        <p class="note note--attention"><Icon name="attention" /><span>{tw(findWindowState(workshop) === 'closed' ? 'participant.closed' : 'participant.notYet')}</span></p>
      )}
      <nav class="ws-actions" aria-label={tw('participant.nav')}>
        <a class={view === 'asistencia' ? 'button' : 'button button--secondary'} href={`/t/${workshop.code}/asistencia`} aria-current={view === 'asistencia' ? 'page' : undefined}>
          <Icon name="user" /><span>{tw('participant.checkIn')}</span>
        </a>
        <a class={view === 'opinion' ? 'button' : 'button button--secondary'} href={`/t/${workshop.code}/opinion`} aria-current={view === 'opinion' ? 'page' : undefined}>
          <Icon name="catalogue" /><span>{tw('participant.giveFeedback')}</span>
        </a>
      </nav>
      {view === 'asistencia' && <CheckIn workshop={workshop} />}
      {view === 'opinion' && <Feedback workshop={workshop} />}
      {!view && <p class="note"><Icon name="info" /><span>{tw('participant.intro')}</span></p>}
    </section>
  );
}
