/**
 * The constancia as a PDF file (#11): through the share sheet where it takes files, else saved as
 * a download. jsdom (and headless Chromium) have no share sheet, so `navigator.share`/`canShare`
 * are stood in for — the one part that cannot be made real here; the PDF itself is the real one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { CertificatePdfButton } from '../../../src/ui/workshops/certificate-pdf-button';
import type { CertificateFacts } from '../../../src/state/certificate-pdf';
import { t } from '../../../src/shared/i18n/workshops';

configure({ asyncUtilTimeout: 6000 });

const facts: CertificateFacts = {
  name: 'Ana Ccori Tito', workshopTitle: 'Gestión de festivales', startsAt: '2026-11-29T14:00:00.000Z', endsAt: '2026-11-29T18:00:00.000Z',
  hours: 4, facilitators: ['Rosa Huamán'], code: 'K7QM-4821', link: 'https://tinkuy.example/v/K7QM-4821',
};

function standIn(share: ((data: ShareData) => Promise<void>) | undefined, canShare: boolean) {
  Object.defineProperty(navigator, 'share', { value: share, configurable: true });
  Object.defineProperty(navigator, 'canShare', { value: share ? () => canShare : undefined, configurable: true });
}

async function readStart(file: Blob): Promise<string> {
  return new TextDecoder().decode(new Uint8Array(await file.arrayBuffer()).slice(0, 8));
}

afterEach(() => {
  cleanup();
  standIn(undefined, false);
  vi.restoreAllMocks();
});

describe('the constancia as a PDF file', { timeout: 30_000 }, () => {
  it('goes through the share sheet as a PDF file named by its code, with a line about it', async () => {
    const shared: ShareData[] = [];
    standIn(async (data) => void shared.push(data), true);
    render(<CertificatePdfButton facts={facts} />);
    fireEvent.click(screen.getByRole('button', { name: t('certificates.sharePdf') }));
    await waitFor(() => expect(shared).toHaveLength(1));
    const file = shared[0]!.files![0]!;
    expect([file.name, file.type]).toEqual(['constancia-K7QM-4821.pdf', 'application/pdf']);
    expect(await readStart(file)).toBe('%PDF-1.4');
    expect(shared[0]!.text).toBe(t('certificates.pdfText', { name: 'Ana Ccori Tito', title: 'Gestión de festivales' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says to print instead when the share sheet refuses, and nothing when the person closes it', async () => {
    standIn(async () => { throw new DOMException('no', 'NotAllowedError'); }, true);
    render(<CertificatePdfButton facts={facts} />);
    fireEvent.click(screen.getByRole('button', { name: t('certificates.sharePdf') }));
    expect((await screen.findByRole('alert')).textContent).toBe(t('certificates.pdfFailed'));
    cleanup();
    let asked = 0;
    standIn(async () => { asked += 1; throw new DOMException('closed', 'AbortError'); }, true);
    render(<CertificatePdfButton facts={facts} />);
    fireEvent.click(screen.getByRole('button', { name: t('certificates.sharePdf') }));
    await waitFor(() => expect(asked).toBe(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is saved as a download where the phone cannot share files', async () => {
    standIn(undefined, false);
    const saved: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => { saved.push(blob); return 'blob:constancia'; };
    URL.revokeObjectURL = () => undefined;
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<CertificatePdfButton facts={facts} />);
    fireEvent.click(screen.getByRole('button', { name: t('certificates.downloadPdf') }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(await readStart(saved[0]!)).toBe('%PDF-1.4');
  });
});
