import { useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { findWindowState, watchWorkshopByCode, type LocalWorkshop } from '../../state/workshop-model';
import { lookUpWorkshop, watchCheckIn, watchFeedbackSent } from '../../state/participant-model';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { FeedbackForm } from '../workshops/feedback-form';
import { Notice } from '../forms/notice';
import { describeModality } from '../workshops/format';
import { formatRange } from '../../shared/calendar/lima-dates';
import { CheckIn } from './participant-check-in';
import { isRefused, RefusalNote, WindowShut } from './participant-notes';
import { SendState } from './send-state';
import { OwnCertificateCard, OwnCertificatePage } from './own-certificate';
import '../workshops/workshops.css';
import { t } from '../../shared/i18n/participant';
import '../../shared/i18n/workshops';

/** The opinion: the form once; after it was sent from this phone, the thanks (after a reload too). */
function Feedback({ workshop }: { workshop: LocalWorkshop }) {
  const isSent = watchFeedbackSent(workshop.id).value;
  if (isSent === undefined) return <p>{t('participant.loading')}</p>;
  if (isRefused(workshop.id, 'feedback.submit')) return null; // the RefusalNote above says what happened
  if (isSent) return <><Notice kind="done" text={t('participant.feedbackSent')} /><SendState workshopId={workshop.id} action="feedback.submit" /></>;
  return <FeedbackForm workshopId={workshop.id} workshopCode={workshop.code} onSent={() => undefined} />;
}

/** A code this phone does not have: loading while the server is asked, and only its answer says "no such code". */
function NotOnPhone({ code }: { code: string }) {
  const lookup = useMemo(() => lookUpWorkshop(), [code]).value;
  if (lookup === 'loading') {
    return (
      <section class="screen workshops" aria-busy="true">
        <ScreenHeader title={t('participant.loading')} />
        <p class="note"><Icon name="pending" /><span>{t('participant.loadingHelp')}</span></p>
      </section>
    );
  }
  const message = lookup === 'missing' ? t('participant.notFound', { code }) : t(lookup === 'offline' ? 'participant.offline' : 'participant.failed');
  return (
    <section class="screen workshops">
      <ScreenHeader title={t('participant.notFoundTitle', { code })} />
      <p class="note note--attention"><Icon name="attention" /><span>{message}</span></p>
    </section>
  );
}

/** One of the two actions, a link that says its state once done on this phone. */
function Action({ href, isCurrent, isDone, label, doneLabel, icon }: {
  href: string; isCurrent: boolean; isDone: boolean; label: string; doneLabel: string; icon: 'user' | 'catalogue';
}) {
  return (
    <a class={isCurrent ? 'button' : 'button button--secondary'} href={href} aria-current={isCurrent ? 'page' : undefined}>
      <Icon name={isDone ? 'upToDate' : icon} /><span>{isDone ? doneLabel : label}</span>
    </a>
  );
}

/** The two actions, each saying its state once done on this phone, and the chosen one's form. */
function Actions({ workshop, view }: { workshop: LocalWorkshop; view: string | undefined }) {
  const base = `/t/${workshop.code}`;
  const isCheckedIn = Boolean(watchCheckIn(workshop.id).value) && !isRefused(workshop.id, 'attendance.register');
  const isFeedbackSent = watchFeedbackSent(workshop.id).value === true && !isRefused(workshop.id, 'feedback.submit');
  return (
    <>
      <nav class="ws-actions" aria-label={t('participant.nav')}>
        <Action href={`${base}/asistencia`} isCurrent={view === 'asistencia'} isDone={isCheckedIn}
          label={t('participant.checkIn')} doneLabel={t('participant.checkInDone')} icon="user" />
        <Action href={`${base}/opinion`} isCurrent={view === 'opinion'} isDone={isFeedbackSent}
          label={t('participant.giveFeedback')} doneLabel={t('participant.feedbackDone')} icon="catalogue" />
      </nav>
      {view === 'asistencia' && <CheckIn workshop={workshop} />}
      {view === 'opinion' && <Feedback workshop={workshop} />}
      {!view && <p class="note"><Icon name="info" /><span>{t('participant.intro')}</span></p>}
    </>
  );
}

/**
 * What a participant without an account sees at `/t/<CODE>` (the QR link), inside the app's
 * participant frame (no staff navigation, no sync pill): the workshop, its two actions and their
 * state. Opened once online, the pull brings the workshop; after that check-in and feedback work
 * offline and wait in the outbox, sent with the code (no account) when the phone is back online.
 */
export function ParticipantScreen() {
  const { path } = useLocation();
  const [, rawCode = '', view] = path.split('/').filter(Boolean);
  const code = decodeURIComponent(rawCode).toUpperCase();
  const workshop = watchWorkshopByCode(code).value;
  if (workshop === undefined) return <section class="screen workshops" aria-busy="true"><p>{t('participant.loading')}</p></section>;
  if (workshop === null) return <NotOnPhone code={code} />;
  if (view === 'constancia') return <OwnCertificatePage workshop={workshop} />;
  // Closed or not open yet by this phone's clock (the server's rule): no form that can only be refused.
  const windowState = findWindowState(workshop);
  return (
    <section class="screen workshops">
      <ScreenHeader title={workshop.title} />
      <p class="ws-when">{formatRange(workshop.startsAt, workshop.endsAt)} · {describeModality(workshop.modality)}</p>
      <RefusalNote workshopId={workshop.id} action="attendance.register" />
      <RefusalNote workshopId={workshop.id} action="feedback.submit" />
      {windowState === 'open' ? <Actions workshop={workshop} view={view} /> : <WindowShut workshop={workshop} state={windowState} />}
      <OwnCertificateCard workshop={workshop} />
    </section>
  );
}
