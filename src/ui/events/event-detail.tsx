import { useSignal } from '@preact/signals';
import { useLocation } from 'preact-iso';
import { archiveEvent, watchLostEventEdits, type LocalEvent } from '../../state/event-model';
import { canEditEvent } from '../../state/permission-model';
import { eventLists } from '../../state/event-list-model';
import { addProposedTemplates, addTemplate, copyChecklists, removeRun, watchEventChecklists, type EventRun, type TemplateOffer } from '../../state/event-checklists-model';
import { BackLink, ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { Field } from '../forms/field';
import { Select } from '../forms/select';
import { AlertNote } from '../shell/alert-note';
import { useAction, type Action } from '../shell/use-action';
import { ConfirmBox } from './confirm-box';
import { LostEventEditNote } from './lost-event-edit-note';
import { EventOutput } from './event-output';
import { EventFacts } from './event-facts';
import { formatRange } from '../../shared/calendar/lima-dates';
import { ProgressLine } from './progress-line';
import { t, tn } from '../../shared/i18n/checklists';
import '../../shared/i18n/events';
import '../../shared/i18n/forms';

/** One event: its answers, its checklists (in use and proposed), copy, output and archive. */
export function EventDetail({ eventId }: { eventId: string }) {
  const data = watchEventChecklists(eventId).value;
  const { query, route } = useLocation();
  const status = useSignal('');
  const isArchiving = useSignal(false);
  const action = useAction(t('events.form.failed'));
  const lostEdits = watchLostEventEdits(eventId).value;
  const { event } = data;
  if (!data.isLoaded) return <section class="screen"><p>{t('events.loading')}</p></section>;
  if (!event || event.archived) {
    return (
      <section class="screen">
        <ScreenHeader title={t('events.notFound')} />
        <a href="/eventos">{t('events.backToList')}</a>
      </section>
    );
  }
  const inUse = data.runs.filter((r) => !r.isRemoved);
  const offers = data.offers.filter((o) => !o.runId);
  const proposedCount = offers.filter((o) => o.isProposed).length;
  // Only the account that created the event changes it (the server's rule): others read it.
  if (!canEditEvent(event)) return <EventReadOnly event={event} runs={inUse} allRuns={data.runs} />;
  return (
    <section class="screen events">
      <ScreenHeader title={event.title} />
      <BackLink href="/eventos" label={t('events.backToList')} />
      {query['nuevo'] && <p class="note note--done"><Icon name="upToDate" /><span>{t('events.saved')}</span></p>}
      {/* Before the facts: a text of this person that another phone replaced is the first thing to see. */}
      {lostEdits.map((edit) => <LostEventEditNote key={edit.key} edit={edit} act={action.run} />)}
      <p class="events__when">{formatRange(event.startsAt, event.endsAt)}</p>
      <EventFacts event={event} />
      <p role="status" class={status.value ? 'note note--done' : 'visually-hidden'}>{status.value}</p>
      {action.failure.value && <AlertNote>{action.failure.value}</AlertNote>}
      <div class="events__actions">
        <a class="button button--secondary" href={`/eventos/${event.id}/editar`}>{t('events.edit')}</a>
        <button type="button" class="button button--secondary" onClick={() => (isArchiving.value = true)}>{t('events.archive')}</button>
      </div>
      {isArchiving.value && (
        <ConfirmBox question={t('events.archive.confirm')} yes={t('events.archive.yes')}
          onYes={() => action.run(async () => { await archiveEvent(event.id); route('/eventos'); })}
          onNo={() => (isArchiving.value = false)} />
      )}
      <h2>{t('checklists.inUse')}</h2>
      {inUse.length === 0 ? <p class="note"><Icon name="info" /><span>{t('checklists.noneYet')}</span></p> : (
        <ul class="events__list">{inUse.map((r) => <RunCard key={r.run.id} eventId={event.id} run={r} act={action.run} onRemoved={() => (status.value = t('checklists.removed'))} />)}</ul>
      )}
      <h2>{t('checklists.proposed')}</h2>
      {proposedCount > 1 && (
        <button type="button" class="button" onClick={() => action.run(async () => { await addProposedTemplates(event.id, offers); status.value = t('checklists.addedAll'); })}>
          {tn('checklists.addAllProposed', proposedCount)}
        </button>
      )}
      {offers.length === 0 ? <p class="note"><Icon name="info" /><span>{t('checklists.noTemplates')}</span></p> : (
        <ul class="events__list">{offers.map((o) => <OfferCard key={o.template.id} eventId={event.id} offer={o} act={action.run} onAdded={() => (status.value = t('checklists.added', { title: o.template.title }))} />)}</ul>
      )}
      <CopyFrom eventId={event.id} onCopied={(n) => (status.value = t('checklists.copied', { count: n }))} />
      {inUse.length > 0 && <EventOutput event={event} runs={data.runs} />}
    </section>
  );
}

/** Someone else's event (coordinación follows every event): what it is and its lists, nothing to change. */
function EventReadOnly({ event, runs, allRuns }: { event: LocalEvent; runs: EventRun[]; allRuns: EventRun[] }) {
  return (
    <section class="screen events">
      <ScreenHeader title={event.title} />
      <BackLink href="/eventos" label={t('events.backToList')} />
      <p class="events__when">{formatRange(event.startsAt, event.endsAt)}</p>
      <EventFacts event={event} />
      <p class="note"><Icon name="info" /><span>{t('events.othersEvent')}</span></p>
      <h2>{t('checklists.inUse')}</h2>
      {runs.length === 0 ? <p class="note"><Icon name="info" /><span>{t('checklists.noneYetOthers')}</span></p> : (
        <ul class="events__list">
          {runs.map((r) => (
            <li key={r.run.id} class="card events__card">
              <a class="events__title" href={`/eventos/${event.id}/lista/${r.run.id}`}>{r.template?.title ?? r.run.templateId}</a>
              {r.view ? <ProgressLine progress={r.view.progress} /> : <p class="events__muted">{t('checklists.templateMissing')}</p>}
            </li>
          ))}
        </ul>
      )}
      {runs.length > 0 && <EventOutput event={event} runs={allRuns} />}
    </section>
  );
}

/** Runs a button's action with the screen's failure note (`useAction`). */
type Act = Action['run'];

function RunCard({ eventId, run, act, onRemoved }: { eventId: string; run: EventRun; act: Act; onRemoved(): void }) {
  const isAsking = useSignal(false);
  const title = run.template?.title ?? run.run.templateId;
  function remove() {
    return act(async () => {
      await removeRun(run.run.id);
      onRemoved();
    });
  }
  return (
    <li class="card events__card">
      <a class="events__title" href={`/eventos/${eventId}/lista/${run.run.id}`}>{title}</a>
      {run.view ? <ProgressLine progress={run.view.progress} /> : <p class="events__muted">{t('checklists.templateMissing')}</p>}
      <button type="button" class="button button--light" onClick={() => (run.isStarted ? (isAsking.value = true) : void remove())}>
        {t('checklists.remove')}<span class="visually-hidden"> {title}</span>
      </button>
      {isAsking.value && (
        <ConfirmBox question={t('checklists.remove.confirm', { title })} yes={t('checklists.remove.yes')}
          onYes={remove} onNo={() => (isAsking.value = false)} />
      )}
    </li>
  );
}

function OfferCard({ eventId, offer, act, onAdded }: { eventId: string; offer: TemplateOffer; act: Act; onAdded(): void }) {
  return (
    <li class="card events__card">
      <h3 class="events__offer">{offer.template.title}</h3>
      <p class={offer.isProposed ? 'events__why' : 'events__muted'}>
        <Icon name={offer.isProposed ? 'upToDate' : 'info'} />
        <span>{offer.isProposed ? `${t('checklists.proposedBecause')} ${offer.reason}` : offer.reason}</span>
      </p>
      <button type="button" class="button" onClick={() => act(async () => { await addTemplate(eventId, offer.template); onAdded(); })}>
        {t('checklists.add')}<span class="visually-hidden"> {offer.template.title}</span>
      </button>
    </li>
  );
}

function CopyFrom({ eventId, onCopied }: { eventId: string; onCopied(count: number): void }) {
  const from = useSignal('');
  const failure = useSignal('');
  const { upcoming, past } = eventLists.value;
  const others = [...past, ...upcoming].filter((s) => s.event.id !== eventId && s.progress);
  if (others.length === 0) return null;
  async function handleSubmit(e: Event) {
    e.preventDefault();
    if (!from.value) return;
    try {
      failure.value = '';
      onCopied(await copyChecklists(from.value, eventId));
    } catch (error) {
      failure.value = error instanceof Error ? error.message : t('events.form.failed');
    }
  }
  return (
    <form class="form form-group" onSubmit={handleSubmit}>
      <h2>{t('checklists.copy')}</h2>
      <p class="events__muted">{t('checklists.copy.hint')}</p>
      <Field id="copy-from" label={t('checklists.copy.from')} error={failure.value} isAnnounced>
        <Select id="copy-from" value={from.value} options={others.map((s) => ({ code: s.event.id, name: s.event.title }))} empty={t('forms.pick')}
          error={failure.value} onPick={(code) => (from.value = code)} />
      </Field>
      <button class="button button--secondary" type="submit" disabled={!from.value}>{t('checklists.copy.do')}</button>
    </form>
  );
}
