/** Reading the CSV files the app writes, in tests. */

/**
 * A small RFC 4180 reader, as a spreadsheet splits a file into cells: quoted fields, doubled
 * quotes, rows ended by CRLF (a lone CR or LF is part of the cell). A last row without CRLF is
 * dropped: every file the app writes ends its rows with CRLF.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 1; }
    else field += c;
  }
  return rows;
}
