/**
 * The smallest honest PDF: one page, the two standard Helvetica fonts (no font embedded: every PDF
 * reader has them), text in WinAnsiEncoding, and vector drawing. Written by hand so a constancia
 * becomes a PDF *file* on the phone, offline, for a few KiB of code instead of a PDF library.
 */
import { HELVETICA, HELVETICA_BOLD, WIN_ANSI_MARKS, widthOf } from './helvetica-widths';

export type PdfFont = 'regular' | 'bold';

const FONTS = { regular: { metrics: HELVETICA, resource: 'F1' }, bold: { metrics: HELVETICA_BOLD, resource: 'F2' } } as const;

/** WinAnsi codes of a text; what the encoding lacks becomes «?». */
export function encodeWinAnsi(text: string): number[] {
  return Array.from(text.normalize('NFC'), (char) => {
    const code = char.codePointAt(0)!;
    if ((code >= 32 && code <= 126) || (code >= 160 && code <= 255)) return code;
    return WIN_ANSI_MARKS[char] ?? 63;
  });
}

/** The width of a text in points. */
export function measureText(text: string, font: PdfFont, size: number): number {
  return encodeWinAnsi(text).reduce((sum, code) => sum + widthOf(FONTS[font].metrics, code), 0) * size / 1000;
}

/** Lines of at most `maxWidth` points, broken between words (a word longer than a line stands alone). */
export function wrapText(text: string, font: PdfFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measureText(candidate, font, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A PDF string literal: ( ) \ escaped, every byte outside printable ASCII as an octal escape. */
function literal(text: string): string {
  return `(${encodeWinAnsi(text).map((code) => {
    if (code === 40 || code === 41 || code === 92) return `\\${String.fromCharCode(code)}`;
    return code >= 32 && code <= 126 ? String.fromCharCode(code) : `\\${code.toString(8).padStart(3, '0')}`;
  }).join('')})`;
}

/** Content-stream operators that draw one line of text with its left end at (x, y). */
export function textAt(text: string, font: PdfFont, size: number, x: number, y: number): string {
  return `BT /${FONTS[font].resource} ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td ${literal(text)} Tj ET\n`;
}

/** An indirect reference to object `n` (`n 0 R`). */
function ref(n: number): string {
  return `${n} 0 ${'R'}`;
}

/** A content-stream operator after its operands (`24 24 794 547 re`). */
export function op(operator: string, ...operands: number[]): string {
  return `${[...operands.map((n) => String(n)), operator].join(' ')}\n`;
}

/** The bytes of a one-page PDF of `width`×`height` points drawn by `content` (all ASCII). */
export function writePdf(width: number, height: number, content: string, title: string): Uint8Array<ArrayBuffer> {
  const objects = [
    `<< /Type /Catalog /Pages ${ref(2)} >>`,
    `<< /Type /Pages /Kids [${ref(3)}] /Count 1 >>`,
    `<< /Type /Page /Parent ${ref(2)} /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 ${ref(4)} /F2 ${ref(5)} >> >> /Contents ${ref(6)} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
    `<< /Title ${literal(title)} /Producer (Tinkuy) >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${ref(1)} /Info ${ref(7)} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(pdf, (char) => char.charCodeAt(0));
}
