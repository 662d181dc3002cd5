import { formatRange } from '../../shared/calendar/lima-dates';
import type { CertificateFacts } from '../../state/certificate-pdf';
import { QrCode } from './qr-code';
import './certificates.css';
import { t } from '../../shared/i18n/workshops';

/** The constancia itself: a card at 360 px, one A4 landscape page in print (certificates.css). */
export function CertificateDocument({ facts }: { facts: CertificateFacts }) {
  return (
    <article class="cert-sheet" aria-label={t('certificates.heading')}>
      <p class="cert-sheet__issuer">{t('certificates.issuer')}</p>
      <p class="cert-sheet__name">{facts.name}</p>
      <p>{t('certificates.participated')}</p>
      <p class="cert-sheet__workshop">«{facts.workshopTitle}»</p>
      <p>{t('certificates.when', { when: formatRange(facts.startsAt, facts.endsAt), hours: facts.hours })}</p>
      {facts.facilitators.length > 0 && <p>{t('certificates.facilitators', { names: facts.facilitators.join(', ') })}</p>}
      <div class="cert-sheet__verify">
        <QrCode text={facts.link} label={t('certificates.qr', { code: facts.code })} />
        <p>{t('certificates.verify', { link: facts.link, code: facts.code })}</p>
      </div>
    </article>
  );
}
