import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import type { CertificateFacts } from '../../state/certificate-pdf';
import { canShareFiles, shareFile } from '../../state/share-model';
import { downloadBlob } from '../shell/download';
import { Icon } from '../shell/icons';
import { t } from '../../shared/i18n/workshops';

// The PDF maker is loaded only on a constancia's screen: fetched when the screen opens, so the
// tap that shares still counts as the person's own gesture when the share sheet is asked for.
const loadPdfMaker = () => import('../../state/certificate-pdf');

/**
 * The constancia as a PDF file made on the phone: through the share sheet where it takes files
 * (WhatsApp among others), else saved as a download; the browser's print stays beside it.
 */
export function CertificatePdfButton({ facts }: { facts: CertificateFacts }) {
  const failed = useSignal(false);
  const busy = useSignal(false);
  useEffect(() => void loadPdfMaker(), []);
  const canShare = canShareFiles('application/pdf');
  const handleClick = async () => {
    busy.value = true;
    failed.value = false;
    try {
      const file = await (await loadPdfMaker()).makeCertificatePdf(facts);
      if (!canShare) return downloadBlob(file, file.name);
      const text = t('certificates.pdfText', { name: facts.name, title: facts.workshopTitle });
      failed.value = (await shareFile(file, t('certificates.heading'), text)) === 'failed';
    } catch {
      failed.value = true;
    } finally {
      busy.value = false;
    }
  };
  return (
    <>
      <button type="button" class="button" aria-busy={busy.value} onClick={() => void handleClick()}>
        {t(canShare ? 'certificates.sharePdf' : 'certificates.downloadPdf')}
      </button>
      {failed.value && <p class="note note--attention" role="alert"><Icon name="attention" /><span>{t('certificates.pdfFailed')}</span></p>}
    </>
  );
}
