import { watchEventChecklists } from '../../state/event-checklists-model';
import { formatDay, formatLimaDateTime } from '../events/format';
import { t } from '../../shared/i18n';
import { Icon } from '../shell/icons';
import './checklists.css';

/** The event's checklists on paper (A4): a drawn box per item, due date, responsible, notes. */
export function PrintView({ eventId }: { eventId: string }) {
  const { event, runs, isLoaded } = watchEventChecklists(eventId).value;
  if (!isLoaded || !event) return <section class="screen"><p>{t('events.loading')}</p></section>;
  return (
    <section class="screen print">
      <div class="print__bar">
        <a class="screen-header__back" href={`/eventos/${eventId}`}><Icon name="back" /><span>{event.title}</span></a>
        <button type="button" class="button" onClick={() => window.print()}>{t('checklists.printNow')}</button>
      </div>
      <h1 tabIndex={-1}>{event.title}</h1>
      <p>{formatLimaDateTime(event.startsAt)} · {event.venue}</p>
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
                    <span>
                      {item.text}
                      <small>
                        {item.state.done ? ` · ${t('checklists.state.done')}` : item.state.notApplicable ? ` · ${t('checklists.state.na')}` : ''}
                        {item.dueDate ? ` · ${t('checklists.due', { date: formatDay(item.dueDate) })}` : ''}
                        {item.state.responsible ? ` · ${item.state.responsible}` : ''}
                        {item.state.note ? ` · ${item.state.note}` : ''}
                      </small>
                    </span>
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
