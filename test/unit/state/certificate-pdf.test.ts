/**
 * The constancia as a PDF file, made on the phone (#11). No PDF reader is installed here, so the
 * file is read back the way a reader does: the cross-reference table must point at every object,
 * the page must be one A4 landscape page, and the text drawn — decoded from WinAnsi — must be the
 * constancia's words, each line inside the page; the QR is drawn as squares.
 */
import { describe, expect, it } from 'vitest';
import { drawCertificate, makeCertificatePdf, type CertificateFacts } from '../../../src/state/certificate-pdf';
import { encodeWinAnsi, measureText, wrapText } from '../../../src/state/pdf/pdf-writer';
import { WIN_ANSI_MARKS } from '../../../src/state/pdf/helvetica-widths';

const facts: CertificateFacts = {
  name: 'Ana Ccori Tito', workshopTitle: 'Gestión de festivales y ferias: (seguridad) \\ riesgos', startsAt: '2026-11-29T14:00:00.000Z', endsAt: '2026-11-30T18:00:00.000Z',
  hours: 8, facilitators: ['Rosa Huamán', 'Luis Mamani Ñahui'], code: 'K7QM-4821', link: 'https://tinkuy.cultura.gob.pe/v/K7QM-4821',
};

const FROM_WIN_ANSI = new Map(Object.entries(WIN_ANSI_MARKS).map(([char, code]) => [code, char]));

/** The text of a PDF string literal's body, escapes undone and WinAnsi read back. */
function readLiteral(body: string): string {
  const codes: number[] = [];
  for (let i = 0; i < body.length; i += 1) {
    if (body[i] !== '\\') { codes.push(body.charCodeAt(i)); continue; }
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) { codes.push(parseInt(octal[0], 8)); i += 3; } else { codes.push(body.charCodeAt(i + 1)); i += 1; }
  }
  return codes.map((code) => FROM_WIN_ANSI.get(code) ?? String.fromCharCode(code)).join('');
}

/** Each line drawn: its font, size, left end and text. */
function readLines(content: string) {
  const pattern = /BT \/(F[12]) ([\d.]+) Tf ([\d.]+) ([\d.]+) Td \(((?:\\.|[^\\)])*)\) Tj ET/g;
  return [...content.matchAll(pattern)].map((m) => ({ font: m[1] === 'F2' ? 'bold' as const : 'regular' as const, size: Number(m[2]), x: Number(m[3]), y: Number(m[4]), text: readLiteral(m[5]!) }));
}

describe('the constancia as a PDF file', () => {
  it('is a well-formed one-page A4 landscape PDF: every object where the cross-reference table says', async () => {
    const file = await makeCertificatePdf(facts);
    expect(file.name).toBe('constancia-K7QM-4821.pdf');
    expect(file.type).toBe('application/pdf');
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(bytes.every((b) => b < 128), 'all ASCII: offsets are character counts').toBe(true);
    const pdf = new TextDecoder('latin1').decode(bytes);
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)![1]);
    expect(pdf.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(pdf.slice(startxref))!;
    expect(first).toBe('0');
    const entries = pdf.slice(startxref).split('\n').slice(2, 2 + Number(count));
    entries.slice(1).forEach((entry, i) => {
      const offset = Number(entry.slice(0, 10));
      const header = `${i + 1} 0 obj\n`;
      expect(pdf.slice(offset, offset + header.length)).toBe(header);
    });
    expect(pdf).toMatch(/\/Type \/Pages \/Kids \[3 0 R\] \/Count 1/);
    expect(pdf).toMatch(/\/MediaBox \[0 0 842 595\]/);
    const stream = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)endstream/.exec(pdf)!;
    expect(stream[2]!.length).toBe(Number(stream[1]));
    expect(bytes.length).toBeLessThan(40_000);
  });

  it('draws the constancia\'s words, accents and marks included, each line inside the page, and the QR', () => {
    const qr = Array.from({ length: 25 }, (_, r) => Array.from({ length: 25 }, (_, c) => (r * c) % 3 === 0));
    const content = drawCertificate(facts, qr);
    const lines = readLines(content);
    const text = lines.map((line) => line.text).join(' ');
    for (const part of ['hace constar que', 'Ana Ccori Tito', 'participó en el taller', '«Gestión de festivales y ferias: (seguridad) \\ riesgos»', '8 horas', 'Rosa Huamán, Luis Mamani Ñahui', 'K7QM-4821', facts.link]) {
      expect(text).toContain(part);
    }
    expect(lines.find((line) => line.text === 'Ana Ccori Tito')).toMatchObject({ font: 'bold', size: 30 });
    for (const line of lines) {
      expect(line.x).toBeGreaterThanOrEqual(36);
      expect(line.x + measureText(line.text, line.font, line.size)).toBeLessThanOrEqual(806);
      expect(line.y).toBeGreaterThan(36);
      expect(line.y).toBeLessThan(560);
    }
    // One square per dark module, and the two rectangles of the border.
    expect(content.match(/ re\n/g)!.length).toBe(qr.flat().filter(Boolean).length + 2);
  });

  it('measures with Helvetica\'s own widths and writes Spanish in WinAnsi', () => {
    expect([measureText('a', 'regular', 1000), measureText('A', 'regular', 1000), measureText('A', 'bold', 1000), measureText('ñ', 'regular', 1000)]).toEqual([556, 667, 722, 556]);
    expect(encodeWinAnsi('ñÁ«»—€')).toEqual([0xf1, 0xc1, 0xab, 0xbb, 0x97, 63]);
    const long = 'La Dirección General de Industrias Culturales y Artes hace constar que la persona participó en el taller '.repeat(3);
    const wrapped = wrapText(long, 'regular', 13, 300);
    expect(wrapped.length).toBeGreaterThan(3);
    for (const line of wrapped) expect(measureText(line, 'regular', 13)).toBeLessThanOrEqual(300);
    expect(wrapped.join(' ')).toBe(long.trim());
  });
});
