import { buildParticipantLink, watchWorkshop, type LocalWorkshop } from '../../state/workshop-model';
import { currentUser } from '../../state/session-model';
import { regionName } from '../../shared/places/regions';
import { isSafeHttpsLink } from '../../shared/safe-link';
import { provinceName } from '../../shared/places/provinces';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { describeModality, formatWhen } from './format';
import { QrCode } from './qr-code';
import { canFacilitate } from './workshop-list';
import { tw } from './workshops-text';

/** The place of a workshop in words: the venue, then the province and region. */
export function describePlace(w: Pick<LocalWorkshop, 'venue' | 'placeCode'>): string {
  const code = w.placeCode ?? '';
  const where = code.length === 2 || code === '1501' ? regionName(code) : provinceName(code.slice(0, 4));
  return [w.venue, where].filter(Boolean).join(', ');
}

/** A workshop: when and where, its public code and QR (drawn offline), and the facilitador's actions. */
export function WorkshopDetail({ workshopId }: { workshopId: string }) {
  const workshop = watchWorkshop(workshopId).value;
  if (workshop === undefined) return <section class="screen workshops"><p>{tw('workshops.loading')}</p></section>;
  if (workshop === null) {
    return (
      <section class="screen workshops">
        <ScreenHeader title={tw('workshops.notFound')} />
        <a class="button button--secondary" href="/talleres"><Icon name="back" /><span>{tw('workshops.back')}</span></a>
      </section>
    );
  }
  const link = buildParticipantLink(workshop.code);
  const isFacilitator = canFacilitate(currentUser.value?.roles);
  return (
    <section class="screen workshops">
      <a class="screen-header__back" href="/talleres"><Icon name="back" /><span>{tw('workshops.back')}</span></a>
      <ScreenHeader title={workshop.title} />
      <dl class="ws-facts">
        <dt>{tw('workshops.field.when')}</dt><dd>{formatWhen(workshop)}</dd>
        <dt>{tw('workshops.field.topic')}</dt><dd>{workshop.topic}</dd>
        <dt>{tw('workshops.field.modality')}</dt><dd>{describeModality(workshop.modality)}</dd>
        {workshop.modality !== 'virtual' && <><dt>{tw('workshops.field.place')}</dt><dd>{describePlace(workshop) || '—'}</dd></>}
        {workshop.link && <><dt>{tw('workshops.field.link')}</dt><dd>{isSafeHttpsLink(workshop.link) ? <a href={workshop.link}>{workshop.link}</a> : workshop.link}</dd></>}
        <dt>{tw('workshops.field.capacity')}</dt><dd>{workshop.capacity}</dd>
        {workshop.facilitators.length > 0 && <><dt>{tw('workshops.field.facilitators')}</dt><dd>{workshop.facilitators.join(', ')}</dd></>}
      </dl>
      {workshop.isLocal && <p class="ws-state"><Icon name="pending" /><span>{tw('workshops.localOnly')}</span></p>}
      {isFacilitator && (
        <div class="ws-actions">
          <a class="button" href={`/talleres/${workshop.id}/asistencia`}><Icon name="user" /><span>{tw('workshops.takeAttendance')}</span></a>
          <a class="button button--secondary" href={`/talleres/${workshop.id}/resumen`}><Icon name="catalogue" /><span>{tw('workshops.report')}</span></a>
          <a class="button button--secondary" href={`/talleres/${workshop.id}/editar`}><Icon name="events" /><span>{tw('workshops.edit')}</span></a>
        </div>
      )}
      <h2>{tw('workshops.codeHeading')}</h2>
      <p class="ws-muted">{tw('workshops.codeHelp')}</p>
      <p class="ws-code" aria-label={tw('workshops.codeSpelled', { code: workshop.code.split('').join(' ') })}>{workshop.code}</p>
      <QrCode text={link} label={tw('workshops.qrLabel', { link })} />
      <p class="ws-link"><a href={`/t/${workshop.code}`}>{link}</a></p>
    </section>
  );
}
