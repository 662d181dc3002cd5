import { useSignal } from '@preact/signals';
import { watchWorkshop } from '../../state/workshop-model';
import { watchRoster } from '../../state/attendance-model';
import { makeVerifyLink, revokeCertificate, watchCertificates } from '../../state/certificate-model';
import { shareLink } from '../../state/share-model';
import { canRunWorkshopHere } from '../../state/permission-model';
import { describeWorkshop } from '../../state/workshop-summary-model';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import type { CertificateFacts } from '../../state/certificate-pdf';
import { CertificateDocument } from './certificate-document';
import { CertificatePdfButton } from './certificate-pdf-button';
import './certificates.css';
import { t } from '../../shared/i18n/workshops';

/**
 * One constancia, ready for paper: A4 landscape with the person's name, the workshop, its dates
 * and hours, the RED and DGIA, the facilitators, and a QR drawn on this phone that points to
 * `/v/<código>`. The PDF file is made on the phone and goes through its share sheet (WhatsApp
 * among others) where it takes files, else it is downloaded; the browser's print («Guardar como
 * PDF») stays beside it, and so does sharing the verification link. Offline.
 */
export function CertificateSheet({ workshopId, certificateId }: { workshopId: string; certificateId: string }) {
  const workshop = watchWorkshop(workshopId).value;
  const certificate = watchCertificates(workshopId).value.find((c) => c.id === certificateId);
  const person = watchRoster(workshopId).value.find((row) => row.id === certificate?.attendanceId);
  const confirming = useSignal(false);
  const back = { href: `/talleres/${workshopId}/asistencia`, label: t('certificates.back') };
  if (!workshop || !certificate || !person) {
    return (
      <section class="screen workshops">
        <ScreenHeader title={t('certificates.title')} back={back} />
        <p class="note note--attention"><Icon name="attention" /><span>{t('certificates.missing')}</span></p>
      </section>
    );
  }
  const link = makeVerifyLink(certificate.code);
  const facts = describeWorkshop(workshop);
  const canShare = typeof navigator.share === 'function';
  const sheet: CertificateFacts = {
    name: person.person.fullName, workshopTitle: workshop.title, startsAt: workshop.startsAt, endsAt: workshop.endsAt,
    hours: facts.hours, facilitators: facts.facilitators, code: certificate.code, link,
  };
  const share = () => void shareLink(t('certificates.heading'), t('certificates.shareText', { name: person.person.fullName, title: workshop.title }), link);
  return (
    <section class="screen workshops cert-screen">
      <ScreenHeader title={t('certificates.sheetTitle', { code: certificate.code })} back={back} />
      {certificate.revokedAt && <p class="note note--attention" role="alert"><Icon name="attention" /><span>{t('certificates.revoked')}</span></p>}
      <div class="cert-actions">
        {!certificate.revokedAt && <CertificatePdfButton facts={sheet} />}
        <button type="button" class="button button--secondary" onClick={() => window.print()}>{t('certificates.print')}</button>
        {canShare && <button type="button" class="button button--secondary" onClick={share}>{t('certificates.share')}</button>}
        <p class="ws-muted">{t('certificates.printHint')}</p>
      </div>
      <CertificateDocument facts={sheet} />
      {/* Only who leads the workshop revokes (certificate.revoke is refused to anyone else). */}
      {!certificate.revokedAt && canRunWorkshopHere(workshopId) && (confirming.value ? (
        <div class="note note--attention cert-actions" role="alertdialog" aria-label={t('certificates.confirmRevoke', { code: certificate.code })}>
          <p>{t('certificates.confirmRevoke', { code: certificate.code })}</p>
          <button type="button" class="button button--secondary" onClick={() => (confirming.value = false)}>{t('certificates.keep')}</button>
          <button type="button" class="button" onClick={() => { confirming.value = false; void revokeCertificate(certificate.id); }}>{t('certificates.revoke')}</button>
        </div>
      ) : (
        <div class="cert-actions"><button type="button" class="button button--secondary" onClick={() => (confirming.value = true)}>{t('certificates.revoke')}</button></div>
      ))}
    </section>
  );
}
