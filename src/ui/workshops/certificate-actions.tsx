import { useSignal } from '@preact/signals';
import { issueCertificates, type LocalCertificate } from '../../state/certificate-model';
import { canRunWorkshopHere } from '../../state/permission-model';
import type { LocalAttendance } from '../../state/attendance-model';
import { Icon } from '../shell/icons';
import { Notice } from '../forms/notice';
import { t, tn } from '../../shared/i18n/workshops';

/**
 * Constancias for everyone present at once, offline: each person without a valid one gets a
 * code drawn on this phone; the count says how many hold one. The button only for who leads the
 * workshop (the server's rule); anyone who sees the screen sees the count.
 */
export function IssueAllCertificates({ workshopId, roster, valid }: { workshopId: string; roster: readonly LocalAttendance[]; valid: ReadonlyMap<string, LocalCertificate> }) {
  const done = useSignal('');
  const missing = roster.filter((row) => !valid.has(row.id));
  if (roster.length === 0) return null;
  const issueAll = async () => {
    const count = await issueCertificates(workshopId, missing.map((row) => row.id));
    done.value = tn('certificates.issuedAll', count);
  };
  return (
    <section class="ws-certificates" aria-labelledby="ws-certificates-title">
      <h2 id="ws-certificates-title">{t('certificates.title')}</h2>
      <p>{t('certificates.count', { issued: roster.length - missing.length, total: roster.length })}</p>
      <p class="ws-muted">{t('certificates.notice')}</p>
      {missing.length > 0 && canRunWorkshopHere(workshopId) && (
        <button type="button" class="button button--secondary" onClick={() => void issueAll()}>
          <Icon name="upToDate" /><span>{t('certificates.issueAll', { count: missing.length })}</span>
        </button>
      )}
      <Notice kind="done" text={done.value} />
    </section>
  );
}

/** One person's constancia on the roster: a link to it, or (for who leads the workshop) the button that issues it. */
export function PersonCertificate({ workshopId, row, certificate }: { workshopId: string; row: LocalAttendance; certificate: LocalCertificate | undefined }) {
  if (certificate) {
    return (
      <a class="button button--secondary" href={`/talleres/${workshopId}/constancia/${certificate.id}`} aria-label={t('certificates.openFor', { code: certificate.code, name: row.person.fullName })}>
        {t('certificates.open', { code: certificate.code })}
      </a>
    );
  }
  // certificate.issue is refused to a facilitador who does not lead the workshop: no button then.
  if (!canRunWorkshopHere(workshopId)) return null;
  return (
    <button type="button" class="button button--secondary" onClick={() => void issueCertificates(workshopId, [row.id])} aria-label={t('certificates.issueOneFor', { name: row.person.fullName })}>
      {t('certificates.issueOne')}
    </button>
  );
}
