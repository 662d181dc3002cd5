import { eventLists, type EventSummary } from '../../state/event-list-model';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { formatDateTime } from '../../shared/calendar/lima-dates';
import { ProgressLine } from './progress-line';
import { t } from '../../shared/i18n/events';

/** Eventos: the upcoming and past events on this device, each with its checklist progress. */
export function EventList() {
  const { upcoming, past } = eventLists.value;
  return (
    <section class="screen events">
      <ScreenHeader title={t('nav.events')} />
      <a class="button" href="/eventos/nuevo">
        <Icon name="events" />
        <span>{t('events.new')}</span>
      </a>
      <h2>{t('events.upcoming')}</h2>
      {upcoming.length === 0 ? <p class="note"><Icon name="info" /><span>{t('events.noUpcoming')}</span></p> : <EventCards items={upcoming} />}
      <h2>{t('events.past')}</h2>
      {past.length === 0 ? <p class="note"><Icon name="info" /><span>{t('events.noPast')}</span></p> : <EventCards items={past} />}
    </section>
  );
}

function EventCards({ items }: { items: EventSummary[] }) {
  return (
    <ul class="events__list">
      {items.map(({ event, progress }) => (
        <li key={event.id} class="card events__card">
          <a href={`/eventos/${event.id}`} class="events__title">{event.title}</a>
          <p class="events__when">{formatDateTime(event.startsAt)} · {event.venue || t('events.noVenue')}</p>
          {progress ? <ProgressLine progress={progress} /> : <p class="events__muted">{t('events.noChecklists')}</p>}
        </li>
      ))}
    </ul>
  );
}
