import { useMemo } from 'preact/hooks';
import type { LocalWorkshop } from '../../state/workshop-model';
import { watchOwnCertificate, type OwnCertificateState } from '../../state/own-certificate-model';
import { makeVerifyLink } from '../../state/certificate-model';
import type { OwnCertificate } from '../../shared/schemas/certificate';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { CertificateDocument } from '../workshops/certificate-document';
import { CertificatePdfButton } from '../workshops/certificate-pdf-button';
import { t } from '../../shared/i18n/participant';
import '../../shared/i18n/workshops';

type Issued = Extract<OwnCertificate, { status: 'issued' }>;

function SavedNote({ state }: { state: OwnCertificateState }) {
  return state.kind === 'known' && state.isSaved ? <p class="ws-muted">{t('own.saved')}</p> : null;
}

/**
 * On the workshop's page of the phone that checked the person in — open window or not, since a
 * constancia comes after the workshop — whether their constancia was issued, and the way to it.
 */
export function OwnCertificateCard({ workshop }: { workshop: LocalWorkshop }) {
  const state = useMemo(() => watchOwnCertificate(workshop.id), [workshop.id]).value;
  if (state.kind === 'none' || state.kind === 'loading') return null;
  let body;
  if (state.kind === 'offline') body = <p class="note"><Icon name="offline" /><span>{t('own.offline')}</span></p>;
  else if (state.kind === 'failed') body = <p class="note note--attention"><Icon name="attention" /><span>{state.message ?? t('own.failed')}</span></p>;
  else if (state.answer.status === 'pending') body = <p class="note"><Icon name="pending" /><span>{t('own.pending')}</span></p>;
  else if (!state.answer.certificate.valid) body = <p class="note note--attention" role="alert"><Icon name="attention" /><span>{t('own.revoked')}</span></p>;
  else {
    body = (
      <>
        <p class="note note--done"><Icon name="upToDate" /><span>{t('own.issued')}</span></p>
        <a class="button" href={`/t/${workshop.code}/constancia`}><Icon name="chevron" /><span>{t('own.open')}</span></a>
      </>
    );
  }
  return (
    <section class="ws-own-certificate" aria-labelledby="own-certificate-title">
      <h2 id="own-certificate-title">{t('own.title')}</h2>
      {body}
      <SavedNote state={state} />
    </section>
  );
}

/** `/t/<CÓDIGO>/constancia`: the person's own constancia, to print or keep; only a valid one is drawn. */
export function OwnCertificatePage({ workshop }: { workshop: LocalWorkshop }) {
  const state = useMemo(() => watchOwnCertificate(workshop.id), [workshop.id]).value;
  const back = { href: `/t/${workshop.code}`, label: t('own.back') };
  if (state.kind === 'loading') return <section class="screen workshops" aria-busy="true"><p>{t('participant.loading')}</p></section>;
  const issued = state.kind === 'known' && state.answer.status === 'issued' && state.answer.certificate.valid ? state.answer : undefined;
  if (!issued) {
    return (
      <section class="screen workshops">
        <ScreenHeader title={t('own.title')} back={back} />
        <p class="note note--attention"><Icon name="attention" /><span>{t('own.missing')}</span></p>
      </section>
    );
  }
  return (
    <section class="screen workshops cert-screen">
      <ScreenHeader title={t('own.title')} back={back} />
      <SavedNote state={state} />
      <OwnCertificateActions issued={issued} />
      <CertificateDocument facts={toFacts(issued)} />
    </section>
  );
}

function OwnCertificateActions({ issued }: { issued: Issued }) {
  return (
    <div class="cert-actions">
      <CertificatePdfButton facts={toFacts(issued)} />
      <button type="button" class="button button--secondary" onClick={() => window.print()}>{t('certificates.print')}</button>
      <p class="ws-muted">{t('certificates.printHint')}</p>
    </div>
  );
}

function toFacts({ certificate, facilitators }: Issued) {
  return {
    name: certificate.name, workshopTitle: certificate.workshopTitle, startsAt: certificate.dates.startsAt, endsAt: certificate.dates.endsAt,
    hours: certificate.hours, facilitators, code: certificate.code, link: makeVerifyLink(certificate.code),
  };
}
