/**
 * A constancia as a PDF *file* (#11), made on the phone, offline: the same words as the printed
 * sheet on one A4 landscape page, and its QR drawn as vector squares. Loaded only when someone
 * asks for the file (a dynamic import from the constancia's screen).
 */
import { formatRange } from '../shared/calendar/lima-dates';
import { measureText, op, textAt, wrapText, writePdf, type PdfFont } from './pdf/pdf-writer';
import { t } from '../shared/i18n/workshops';

/** What a constancia shows: the same on the staff's sheet, the participant's phone and the PDF. */
export interface CertificateFacts {
  name: string;
  workshopTitle: string;
  startsAt: string;
  endsAt: string;
  hours: number;
  facilitators: readonly string[];
  code: string;
  /** `<origin>/v/<code>`, which the QR carries. */
  link: string;
}

// A4 landscape in points, and the room the text may take.
const WIDTH = 842;
const HEIGHT = 595;
const TEXT_WIDTH = 640;
const QR_SIZE = 96;
const QR_X = 72;
const QR_Y = 56;

interface Line {
  text: string;
  font: PdfFont;
  size: number;
}

function paragraph(text: string, font: PdfFont, size: number): Line[] {
  return wrapText(text, font, size, TEXT_WIDTH).map((line) => ({ text: line, font, size }));
}

/** The modules of the link's QR (true = dark), from the same encoder the screen uses. */
async function encodeQr(link: string): Promise<boolean[][]> {
  const { default: qrcode } = await import('qrcode-generator');
  const qr = qrcode(0, 'M');
  qr.addData(link);
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)));
}

/** The operators that draw a constancia on the page. */
export function drawCertificate(facts: CertificateFacts, qr: readonly (readonly boolean[])[]): string {
  const blocks: Line[][] = [
    paragraph(t('certificates.issuer'), 'regular', 13),
    paragraph(facts.name, 'bold', 30),
    paragraph(t('certificates.participated'), 'regular', 14),
    paragraph(`«${facts.workshopTitle}»`, 'bold', 20),
    paragraph(t('certificates.when', { when: formatRange(facts.startsAt, facts.endsAt), hours: facts.hours }), 'regular', 13),
    ...(facts.facilitators.length > 0 ? [paragraph(t('certificates.facilitators', { names: facts.facilitators.join(', ') }), 'regular', 12)] : []),
  ];
  const leading = (line: Line) => line.size * 1.3;
  const gap = 10;
  const height = blocks.reduce((sum, block) => sum + block.reduce((s, line) => s + leading(line), 0), 0) + gap * (blocks.length - 1);
  // The text block centred in the room above the QR.
  let y = QR_Y + QR_SIZE + (HEIGHT - 40 - QR_Y - QR_SIZE + height) / 2;
  // A double border in the RED's brick red, then black for the text and the QR.
  let ops = op('RG', 0.55, 0.17, 0.06) + op('w', 3) + op('re', 24, 24, 794, 547) + op('S') + op('w', 1) + op('re', 30, 30, 782, 535) + op('S') + op('g', 0);
  for (const block of blocks) {
    for (const line of block) {
      y -= line.size * 1.05;
      ops += textAt(line.text, line.font, line.size, (WIDTH - measureText(line.text, line.font, line.size)) / 2, y);
      y -= leading(line) - line.size * 1.05;
    }
    y -= gap;
  }
  const module = QR_SIZE / qr.length;
  qr.forEach((row, r) => row.forEach((isDark, c) => {
    if (isDark) ops += op('re', ...[QR_X + c * module, QR_Y + QR_SIZE - (r + 1) * module, module, module].map((n) => Math.round(n * 100) / 100));
  }));
  ops += op('f');
  const verify = wrapText(t('certificates.verify', { link: facts.link, code: facts.code }), 'regular', 11, WIDTH - QR_X * 2 - QR_SIZE - 16);
  verify.forEach((line, i) => (ops += textAt(line, 'regular', 11, QR_X + QR_SIZE + 16, QR_Y + QR_SIZE / 2 + (verify.length / 2 - i - 1) * 14 + 4)));
  return ops;
}

/** The constancia as a PDF file named by its code. */
export async function makeCertificatePdf(facts: CertificateFacts): Promise<File> {
  const bytes = writePdf(WIDTH, HEIGHT, drawCertificate(facts, await encodeQr(facts.link)), `${t('certificates.heading')} ${facts.code}`);
  return new File([bytes], `constancia-${facts.code}.pdf`, { type: 'application/pdf' });
}
