import { buildParticipantLink, watchWorkshop, type LocalWorkshop } from '../../state/workshop-model';
import { currentUser } from '../../state/session-model';
import { canEditWorkshop, canRunWorkshopHere } from '../../state/permission-model';
import { regionName } from '../../shared/places/regions';
import { isSafeHttpsLink } from '../../shared/safe-link';
import { provinceName } from '../../shared/places/provinces';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { describeModality } from './format';
import { formatRange } from '../../shared/calendar/lima-dates';
import { QrCode } from './qr-code';
import { ParticipantLinkShare } from './participant-link-share';
import { canFacilitate } from './workshop-list';
import { t } from '../../shared/i18n/workshops';

/** The place of a workshop in words: the venue, then the province and region. */
export function describePlace(w: Pick<LocalWorkshop, 'venue' | 'placeCode'>): string {
  const code = w.placeCode ?? '';
  const where = code.length === 2 || code === '1501' ? regionName(code) : provinceName(code.slice(0, 4));
  return [w.venue, where].filter(Boolean).join(', ');
}

/** A workshop: when and where, its public code and QR (drawn offline), and the facilitador's actions. */
export function WorkshopDetail({ workshopId }: { workshopId: string }) {
  const workshop = watchWorkshop(workshopId).value;
  if (workshop === undefined) return <section class="screen workshops"><p>{t('workshops.loading')}</p></section>;
  if (workshop === null) {
    return (
      <section class="screen workshops">
        <ScreenHeader title={t('workshops.notFound')} />
        <a class="button button--secondary" href="/talleres"><Icon name="back" /><span>{t('workshops.back')}</span></a>
      </section>
    );
  }
  const link = buildParticipantLink(workshop.code);
  const isFacilitator = canFacilitate(currentUser.value?.roles);
  // Attendance for its team, edits for its owner (the server refuses the rest with not_owner).
  const leads = canRunWorkshopHere(workshop.id);
  const owns = canEditWorkshop(workshop.id);
  return (
    <section class="screen workshops">
      <ScreenHeader title={workshop.title} back={{ href: '/talleres', label: t('workshops.back') }} />
      <dl class="ws-facts">
        <dt>{t('workshops.field.when')}</dt><dd>{formatRange(workshop.startsAt, workshop.endsAt)}</dd>
        <dt>{t('workshops.field.topic')}</dt><dd>{workshop.topic}</dd>
        <dt>{t('workshops.field.modality')}</dt><dd>{describeModality(workshop.modality)}</dd>
        {workshop.modality !== 'virtual' && <><dt>{t('workshops.field.place')}</dt><dd>{describePlace(workshop) || '—'}</dd></>}
        {workshop.link && <><dt>{t('workshops.field.link')}</dt><dd>{isSafeHttpsLink(workshop.link) ? <a href={workshop.link}>{workshop.link}</a> : workshop.link}</dd></>}
        <dt>{t('workshops.field.capacity')}</dt><dd>{workshop.capacity}</dd>
        {workshop.facilitators.length > 0 && <><dt>{t('workshops.field.facilitators')}</dt><dd>{workshop.facilitators.join(', ')}</dd></>}
      </dl>
      {workshop.isLocal && <p class="ws-state"><Icon name="pending" /><span>{t('workshops.localOnly')}</span></p>}
      {isFacilitator && (
        <div class="ws-actions">
          {leads && <a class="button" href={`/talleres/${workshop.id}/asistencia`}><Icon name="user" /><span>{t('workshops.takeAttendance')}</span></a>}
          <a class="button button--secondary" href={`/talleres/${workshop.id}/resumen`}><Icon name="catalogue" /><span>{t('workshops.report')}</span></a>
          {owns && <a class="button button--secondary" href={`/talleres/${workshop.id}/editar`}><Icon name="events" /><span>{t('workshops.edit')}</span></a>}
        </div>
      )}
      <h2>{t('workshops.codeHeading')}</h2>
      <p class="ws-muted">{t('workshops.codeHelp')}</p>
      <p class="ws-code" aria-label={t('workshops.codeSpelled', { code: workshop.code.split('').join(' ') })}>{workshop.code}</p>
      <QrCode text={link} label={t('workshops.qrLabel', { link })} />
      <p class="ws-link"><a href={`/t/${workshop.code}`}>{link}</a></p>
      <ParticipantLinkShare workshop={workshop} link={link} />
    </section>
  );
}
