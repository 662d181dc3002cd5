import { watchEventChecklists } from '../../state/event-checklists-model';
import type { ItemView } from '../../state/checklist-view-model';
import { formatDay, formatRange } from '../../shared/calendar/lima-dates';
import { BackLink } from '../shell/screen-header';
import { PrintItemPhotos } from './photos/photo-thumbs';
import './checklists.css';
import { t } from '../../shared/i18n/checklists';
import '../../shared/i18n/events';

/** The event's checklists on paper (A4): a drawn box per item, due date, responsible, notes. */
export function PrintView({ eventId }: { eventId: string }) {
  const { event, runs, isLoaded } = watchEventChecklists(eventId).value;
  if (!isLoaded || !event) return <section class="screen"><p>{t('events.loading')}</p></section>;
  return (
    <section class="screen print">
      <div class="print__bar">
        <BackLink href={`/eventos/${eventId}`} label={event.title} />
        <button type="button" class="button" onClick={() => window.print()}>{t('checklists.printNow')}</button>
      </div>
      <h1 tabIndex={-1}>{event.title}</h1>
      <p>{[formatRange(event.startsAt, event.endsAt), event.venue].filter(Boolean).join(' · ')}</p>
      {runs.filter((r) => !r.isRemoved && r.view).map(({ view }) => (
        <section key={view!.runId} class="print__run">
          <h2>{view!.title} — {t('checklists.progress', { done: view!.progress.done, total: view!.progress.total, percent: view!.progress.percent })}</h2>
          {view!.sections.map((section) => (
            <div key={section.id} class="print__section">
              <h3>{section.title}</h3>
              <ul class="print__items">
                {section.items.filter((i) => i.applies).map((item) => (
                  <li key={item.id}>
                    <span class="print__box" aria-hidden="true">{item.state.done ? '✓' : item.state.notApplicable ? '–' : ''}</span>
                    {/* A block, not a span: the item's photos are a list, which a span may not hold. */}
                    <div class="print__item">
                      {item.text}
                      <small>{describeForPaper(item)}</small>
                      <PrintItemPhotos runId={view!.runId} itemId={item.id} itemText={item.text} />
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}

/** The small line under an item on paper: state (with the «no aplica» reason), due day, responsible, note. */
function describeForPaper(item: ItemView): string {
  const na = item.state.reason ? `${t('checklists.state.na')}: ${item.state.reason}` : t('checklists.state.na');
  const state = item.state.done ? t('checklists.state.done') : item.state.notApplicable ? na : '';
  const due = item.dueDate ? t('checklists.due', { date: formatDay(item.dueDate) }) : '';
  const who = item.state.responsible ? t('checklists.responsibleIs', { name: item.state.responsible }) : '';
  return [state, due, who, item.state.note ?? ''].filter(Boolean).join(' · ');
}
