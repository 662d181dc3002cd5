import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { LocalWorkshop } from '../../state/workshop-model';
import { lookUpWorkshop, readDoorMemory, type WorkshopLookup } from '../../state/door-lookup';
import { findWindowState } from '../../shared/workshop-window';
import { markDoorReady } from '../../state/door-ready';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { describeModality } from '../workshops/format';
import { formatRange } from '../../shared/calendar/lima-dates';
import { isRefused, RefusalNote, WindowShut } from './participant-notes';
import '../workshops/workshops.css';
import { t } from '../../shared/i18n/participant';
import '../../shared/i18n/workshops';

/** A workshop neither on the phone nor (yet) from the server: loading while asked; only the server's answer says "no such code". */
function NotFound({ code, lookup }: { code: string; lookup: Exclude<WorkshopLookup, LocalWorkshop> }) {
  useEffect(() => void (lookup !== 'loading' && markDoorReady()), [lookup]);
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

const loadForms = () => import('./participant-forms');
const loadCertificate = () => import('./own-certificate');
/**
 * The constancia's card on the door comes after the forms (#12): on Slow 3G over HTTP/1.1 the
 * browser opens six connections, and the PDF and share-sheet files would take them from the form.
 */
const loadCertificateAfterForms = () => loadForms().catch(() => undefined).then(loadCertificate);

/** A part of the door's code, asked for once drawn: null while on its way, 'failed' when it could not come. */
function useLazyPart<T>(load: () => Promise<T>): T | null | 'failed' {
  const [part, setPart] = useState<T | null | 'failed'>(null);
  useEffect(() => {
    let isLive = true;
    load().then((m) => isLive && setPart(m), () => isLive && setPart('failed'));
    return () => void (isLive = false);
  }, []);
  return part;
}

/**
 * A part of the door that comes after the check-in is offered, once its code is here: a form or
 * the constancia say they are loading meanwhile (offline without the worker: that there is no
 * connection); the constancia's card simply appears.
 */
function Later({ workshop, part }: { workshop: LocalWorkshop; part: 'asistencia' | 'opinion' | 'constancia' | 'card' }) {
  const code = useLazyPart<typeof import('./participant-forms') | typeof import('./own-certificate')>(
    part === 'card' ? loadCertificateAfterForms : part === 'constancia' ? loadCertificate : loadForms,
  );
  if (!code || code === 'failed') {
    if (part === 'card') return null;
    if (code === 'failed') return <p class="note note--attention"><Icon name="attention" /><span>{t('participant.offline')}</span></p>;
    return <p aria-busy="true">{t('participant.loading')}</p>;
  }
  if ('CheckIn' in code) return part === 'asistencia' ? <code.CheckIn workshop={workshop} /> : <code.Feedback workshop={workshop} />;
  return part === 'constancia' ? <code.OwnCertificatePage workshop={workshop} /> : <code.OwnCertificateCard workshop={workshop} />;
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
  // What this phone did here comes with the device's storage, after the actions are offered (#12).
  const memory = readDoorMemory();
  const isCheckedIn = Boolean(memory?.watchCheckIn(workshop.id).value) && !isRefused(workshop.id, 'attendance.register');
  const isFeedbackSent = memory?.watchFeedbackSent(workshop.id).value === true && !isRefused(workshop.id, 'feedback.submit');
  return (
    <>
      <nav class="ws-actions" aria-label={t('participant.nav')}>
        <Action href={`${base}/asistencia`} isCurrent={view === 'asistencia'} isDone={isCheckedIn}
          label={t('participant.checkIn')} doneLabel={t('participant.checkInDone')} icon="user" />
        <Action href={`${base}/opinion`} isCurrent={view === 'opinion'} isDone={isFeedbackSent}
          label={t('participant.giveFeedback')} doneLabel={t('participant.feedbackDone')} icon="catalogue" />
      </nav>
      {(view === 'asistencia' || view === 'opinion') && <Later workshop={workshop} part={view} />}
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
  // The phone's own copy (an offline return) comes with the device's storage: undefined until then, as while its query runs.
  const stored = readDoorMemory()?.watchWorkshopByCode(code).value;
  // Asked at once, beside the phone's own copy (#12): on a first visit the answer is the door.
  const lookup = useMemo(() => lookUpWorkshop(code), [code]).value;
  const workshop = stored ?? (typeof lookup === 'object' ? lookup : undefined);
  if (!workshop) {
    const isStillLooking = stored === undefined && typeof lookup !== 'object' && lookup !== 'loading' && lookup !== 'missing';
    if (isStillLooking) return <section class="screen workshops" aria-busy="true"><p>{t('participant.loading')}</p></section>;
    return <NotFound code={code} lookup={lookup as Exclude<WorkshopLookup, LocalWorkshop>} />;
  }
  if (view === 'constancia') return <Later workshop={workshop} part="constancia" />;
  // Closed or not open yet by this phone's clock (the server's rule): no form that can only be refused.
  const windowState = findWindowState(workshop);
  return <WorkshopDoor workshop={workshop} view={view} windowState={windowState} />;
}

/**
 * The workshop, its window and its actions. Once drawn, it asks for the forms (warm: ready when
 * tapped), and once they are here (or could not come) lets sync and the worker start: before, on
 * Slow 3G they took the six connections and a form tapped at once waited 8.3 s (bench row
 * «tapped as soon as it is offered»).
 */
function WorkshopDoor({ workshop, view, windowState }: { workshop: LocalWorkshop; view: string | undefined; windowState: ReturnType<typeof findWindowState> }) {
  useEffect(() => {
    void loadForms().catch(() => undefined).finally(markDoorReady);
  }, []);
  return (
    <section class="screen workshops">
      <ScreenHeader title={workshop.title} />
      <p class="ws-when">{formatRange(workshop.startsAt, workshop.endsAt)} · {describeModality(workshop.modality)}</p>
      <RefusalNote workshopId={workshop.id} action="attendance.register" />
      <RefusalNote workshopId={workshop.id} action="feedback.submit" />
      {windowState === 'open' ? <Actions workshop={workshop} view={view} /> : <WindowShut workshop={workshop} state={windowState} />}
      <Later workshop={workshop} part="card" />
    </section>
  );
}
