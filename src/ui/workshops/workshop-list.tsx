import { programme, type LocalWorkshop } from '../../state/workshop-model';
import { currentUser } from '../../state/session-model';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { describeModality } from './format';
import { formatRange } from '../../shared/calendar/lima-dates';
import { t } from '../../shared/i18n/workshops';

/** Whether the person signed in may create and run workshops. */
export function canFacilitate(roles: readonly string[] | undefined): boolean {
  return !!roles && (roles.includes('facilitador') || roles.includes('coordinador'));
}

/** Talleres: the RED programme on this device, upcoming first, then past. */
export function WorkshopList() {
  const { upcoming, past } = programme.value;
  const user = currentUser.value;
  return (
    <section class="screen workshops">
      <ScreenHeader title={t('workshops.title')} />
      {canFacilitate(user?.roles) && (
        <a class="button" href="/talleres/nuevo"><Icon name="workshops" /><span>{t('workshops.new')}</span></a>
      )}
      <h2>{t('workshops.upcoming')}</h2>
      {upcoming.length === 0 ? <EmptyNote text={t('workshops.noUpcoming')} /> : <WorkshopCards items={upcoming} />}
      <h2>{t('workshops.past')}</h2>
      {past.length === 0 ? <EmptyNote text={t('workshops.noPast')} /> : <WorkshopCards items={past} />}
    </section>
  );
}

function EmptyNote({ text }: { text: string }) {
  return <p class="note"><Icon name="info" /><span>{text}</span></p>;
}

function WorkshopCards({ items }: { items: LocalWorkshop[] }) {
  return (
    <ul class="ws-list">
      {items.map((w) => (
        <li key={w.id} class="card">
          <a href={`/talleres/${w.id}`} class="ws-title">{w.title}</a>
          <p class="ws-when">{formatRange(w.startsAt, w.endsAt)}</p>
          <p class="ws-muted">{describeModality(w.modality)} · {w.topic}</p>
          {w.isLocal && <p class="ws-state"><Icon name="pending" /><span>{t('workshops.localOnly')}</span></p>}
        </li>
      ))}
    </ul>
  );
}
