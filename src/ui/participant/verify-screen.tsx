import { useMemo } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { verifyCertificateCode } from '../../state/certificate-verify-model';
import type { CertificateVerification } from '../../shared/schemas/certificate';
import { formatRange } from '../../shared/calendar/lima-dates';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import '../workshops/workshops.css';
import { t } from '../../shared/i18n/participant';

/** What the constancia says, as a list of terms a screen reader reads in order. */
function Facts({ answer }: { answer: CertificateVerification }) {
  const rows: [string, string][] = [
    [t('verify.name'), answer.name],
    [t('verify.workshop'), answer.workshopTitle],
    [t('verify.dates'), formatRange(answer.dates.startsAt, answer.dates.endsAt)],
    [t('verify.hours'), t('verify.hoursValue', { hours: answer.hours })],
    ...(answer.region ? [[t('verify.region'), answer.region] as [string, string]] : []),
    [t('verify.code'), answer.code],
  ];
  return (
    <dl class="ws-facts">
      {rows.map(([term, value]) => <div key={term}><dt>{term}</dt><dd>{value}</dd></div>)}
    </dl>
  );
}

/**
 * `/v/<código>`: anyone who holds a constancia's code (a QR on paper, a link in WhatsApp) sees
 * whether it is valid and what it certifies. No session, no staff navigation; it needs internet
 * (a revocation must show at once), and says so offline.
 */
export function VerifyScreen() {
  const code = decodeURIComponent(useRoute().params['code'] ?? '').toUpperCase();
  const state = useMemo(() => verifyCertificateCode(code), [code]).value;
  if (state.kind === 'loading') {
    return (
      <section class="screen workshops" aria-busy="true">
        <ScreenHeader title={t('verify.title')} />
        <p class="note"><Icon name="pending" /><span>{t('verify.loading', { code })}</span></p>
      </section>
    );
  }
  if (state.kind !== 'found') {
    const message = state.kind === 'unknown' ? t('verify.unknown', { code }) : state.kind === 'offline' ? t('verify.offline') : state.message ?? t('verify.failed');
    return (
      <section class="screen workshops">
        <ScreenHeader title={t('verify.title')} />
        <p class="note note--attention" role="alert"><Icon name="attention" /><span>{message}</span></p>
      </section>
    );
  }
  const { answer } = state;
  return (
    <section class="screen workshops">
      <ScreenHeader title={t('verify.title')} />
      {answer.valid
        ? <p class="note note--done" role="status"><Icon name="upToDate" /><span>{t('verify.valid')}</span></p>
        : <p class="note note--attention" role="alert"><Icon name="attention" /><span>{t('verify.revoked')}</span></p>}
      <p>{t('verify.issuer')}</p>
      <Facts answer={answer} />
    </section>
  );
}
