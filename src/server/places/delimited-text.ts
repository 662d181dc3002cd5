/**
 * A small reader for `;`-separated text as spreadsheets export it: an optional byte-order
 * mark, CRLF or LF, fields in double quotes that may hold the separator, line breaks or `""`.
 */

/** One record of the file, with the line it starts on (1-based, header included). */
export interface DelimitedRow {
  readonly line: number;
  readonly fields: string[];
}

/** Splits `text` into rows of fields; blank lines are skipped, nothing else is. */
export function readDelimitedRows(text: string, separator = ';'): DelimitedRow[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: DelimitedRow[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  const endRow = (): void => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (inQuotes) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') inQuotes = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') inQuotes = true;
    else if (char === separator) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}
