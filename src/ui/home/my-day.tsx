import { myDay, type DueItem } from '../../state/my-day-model';
import { formatDay, formatRange } from '../../shared/calendar/lima-dates';
import { Icon } from '../shell/icons';
import { t } from '../../shared/i18n/events';

function DueLine({ item }: { item: DueItem }) {
  const when = t(item.isOverdue ? 'myday.overdue' : 'myday.dueOn', { date: formatDay(item.dueDate) });
  return (
    <li class={item.isOverdue ? 'my-day__due is-overdue' : 'my-day__due'}>
      <a href={`/eventos/${item.eventId}/lista/${item.runId}`}>{item.text}</a>
      <span class={item.isOverdue ? 'tag tag--overdue' : 'tag'}>{item.isOverdue && <Icon name="attention" />}{when}</span>
      <span class="my-day__event">{t('myday.ofEvent', { title: item.eventTitle })}</span>
    </li>
  );
}

/**
 * The person's own part of Inicio (its own chunk, so Inicio's first paint stays small): upcoming
 * events, what is overdue or due this week, where they left off reading, favourites. Renders
 * nothing on a first visit (nothing of theirs yet): the welcome says what Tinkuy is instead.
 */
export function MyDay() {
  const day = myDay.value;
  if (!day.isLoaded || day.isFirstVisit) return null;
  return (
    <div class="my-day">
      {day.upcoming.length > 0 && (
        <section aria-labelledby="my-day-upcoming">
          <h2 id="my-day-upcoming">{t('myday.upcoming')}</h2>
          <ul class="my-day__list">
            {day.upcoming.map((event) => (
              <li key={event.id}>
                <a href={`/eventos/${event.id}`}>{event.title}</a>
                <span class="my-day__when">{formatRange(event.startsAt, event.endsAt)}</span>
              </li>
            ))}
          </ul>
          <a href="/eventos">{t('myday.allEvents')}</a>
        </section>
      )}
      {day.upcoming.length > 0 && (
        <section aria-labelledby="my-day-due">
          <h2 id="my-day-due">{t('myday.due')}</h2>
          {day.due.length === 0 ? <p>{t('myday.dueNone')}</p> : (
            <ul class="my-day__list">{day.due.map((item) => <DueLine key={`${item.runId}/${item.itemId}`} item={item} />)}</ul>
          )}
          {day.dueCount > day.due.length && <p>{t('myday.dueMore', { count: day.dueCount - day.due.length })}</p>}
        </section>
      )}
      {day.reading && (
        <section aria-labelledby="my-day-reading">
          <h2 id="my-day-reading">{t('myday.reading')}</h2>
          <a href={`/catalogo/${day.reading.id}`}>{day.reading.title}</a>
        </section>
      )}
      {day.favourites.length > 0 && (
        <section aria-labelledby="my-day-favourites">
          <h2 id="my-day-favourites">{t('myday.favourites')}</h2>
          <ul class="my-day__list">
            {day.favourites.map((entry) => <li key={entry.id}><a href={`/catalogo/${entry.id}`}>{entry.title}</a></li>)}
          </ul>
        </section>
      )}
    </div>
  );
}

/** Whether Inicio should keep its welcome: a first visit, or before the person's data is read. */
export function isWelcomeShown(): boolean {
  const day = myDay.value;
  return !day.isLoaded || day.isFirstVisit;
}
