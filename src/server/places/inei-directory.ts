/**
 * A reader for INEI's directory of districts (ubigeo), as published in
 * `departamento;provincia;distrito;ubigeo;capital_legal;categoría;altitud;población;latitud;longitud`
 * form. It mends what can be mended safely (spacing, particle case, cells cut short, a province
 * named wrongly), lists every mend, and reports every other fault as a problem: no row is
 * dropped without a problem that names it.
 */
import { departmentName } from '../../shared/places/regions';
import { provinceName } from '../../shared/places/provinces';
import { foldPlaceName } from '../../shared/places/names';
import { readDelimitedRows } from './delimited-text';
import { collapseSpaces, lowerParticles, mendKnownFault } from './place-names';
import {
  checkCoordinates, checkTotals, readNumber, reportProblem, type DistrictRecord, type IneiDirectory,
} from './directory-report';

export { hasFatalProblems } from './directory-report';
export type { DistrictRecord, IneiDirectory, Mend, Problem } from './directory-report';

/** How many districts INEI's 2025 directory lists. */
export const EXPECTED_DISTRICT_COUNT = 1891;

type Column = 'department' | 'province' | 'name' | 'code' | 'capital' | 'category' | 'altitude' | 'population' | 'lat' | 'lon';

const HEADER_NAMES: Record<string, Column> = {
  departamento: 'department', provincia: 'province', distrito: 'name', ubigeo: 'code',
  capital_legal: 'capital', capital: 'capital', categoria: 'category', altitud: 'altitude',
  poblacion: 'population', latitud: 'lat', longitud: 'lon',
};
const REQUIRED: readonly Column[] = ['department', 'province', 'name', 'code'];
const TEXT_COLUMNS = ['name', 'capital', 'category', 'department', 'province'] as const;

/** How to read: a complete directory is checked for its count and for every province. */
export interface ReadOptions {
  /** How many districts a complete directory lists; a different count is a warning. */
  expectedCount?: number;
  /** A partial directory (a fixture, one region) skips the count and coverage checks. */
  isPartial?: boolean;
}

/** Reads the directory text (with or without BOM) into districts, mends and problems. */
export function parseIneiDirectory(text: string, options: ReadOptions = {}): IneiDirectory {
  const result: IneiDirectory = { districts: [], mended: [], problems: [] };
  const [header, ...rows] = readDelimitedRows(text);
  const columns = header ? mapHeader(header.fields) : undefined;
  const missing = REQUIRED.filter((column) => columns?.[column] === undefined);
  if (!header || !columns || missing.length > 0) {
    const names = missing.map((c) => Object.keys(HEADER_NAMES).find((k) => HEADER_NAMES[k] === c)).join(', ');
    result.problems.push({ severity: 'error', kind: 'missing_column', line: 1, message: `El archivo no tiene las columnas: ${names}.` });
    return result;
  }
  const seen = new Set<string>();
  for (const row of rows) {
    const record = readRow(row.line, row.fields, header.fields.length, columns, result);
    if (!record) continue;
    if (seen.has(record.code)) {
      reportProblem(result, 'error', 'duplicate_code', `el ubigeo ${record.code} ya apareció antes; se dejó fuera esta fila.`, row.line, record.code);
      continue;
    }
    seen.add(record.code);
    result.districts.push(record);
  }
  if (options.isPartial !== true) checkTotals(result, options.expectedCount ?? EXPECTED_DISTRICT_COUNT);
  return result;
}

function mapHeader(fields: string[]): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  fields.forEach((field, index) => {
    const column = HEADER_NAMES[foldPlaceName(field).replace(/ /g, '_')];
    if (column !== undefined && columns[column] === undefined) columns[column] = index;
  });
  return columns;
}

// Reads one row into a record, or reports why it cannot be one and returns undefined.
function readRow(
  line: number, fields: string[], width: number, columns: Partial<Record<Column, number>>, result: IneiDirectory,
): DistrictRecord | undefined {
  if (fields.length !== width) {
    reportProblem(result, 'error', 'field_count', `tiene ${fields.length} columnas y se esperaban ${width}; se dejó fuera.`, line);
    return undefined;
  }
  const cell = (column: Column): string => {
    const index = columns[column];
    return index === undefined ? '' : (fields[index] ?? '');
  };
  const code = readCode(line, cell('code'), result);
  if (code === undefined) return undefined;
  const text = mendTexts(code, cell, result);
  if (!isKnownPlace(line, code, text, result)) return undefined;
  mendParentNames(line, code, text, result);
  const number = (column: Column, label: string): number | null => readNumber(line, code, cell(column), label, result);
  const record: DistrictRecord = {
    code, name: text.name, provinceCode: code.slice(0, 4), departmentCode: code.slice(0, 2),
    capital: text.capital || null, category: text.category || null,
    altitude: number('altitude', 'altitud'), population: number('population', 'población'),
    lat: number('lat', 'latitud'), lon: number('lon', 'longitud'),
  };
  checkCoordinates(line, record, result);
  return record;
}

function readCode(line: number, raw: string, result: IneiDirectory): string | undefined {
  const value = raw.trim();
  if (/^\d{4}00$/.test(value)) {
    reportProblem(result, 'error', 'bad_code', `el ubigeo ${value} termina en 00: no es un distrito; se dejó fuera.`, line, value);
    return undefined;
  }
  if (/^\d{6}$/.test(value)) return value;
  // A spreadsheet that took the code for a number drops its leading zero: 10101 is 010101.
  if (/^\d{5}$/.test(value)) {
    const code = `0${value}`;
    result.mended.push({ code, field: 'code', from: raw, to: code });
    return code;
  }
  reportProblem(result, 'error', 'bad_code', `el ubigeo «${raw}» no tiene 6 dígitos; se dejó fuera.`, line);
  return undefined;
}

// Spacing, particle case and cells cut short, in every text column; each change is listed.
function mendTexts(code: string, cell: (column: Column) => string, result: IneiDirectory): Record<(typeof TEXT_COLUMNS)[number], string> {
  const texts = { name: '', capital: '', category: '', department: '', province: '' };
  for (const column of TEXT_COLUMNS) {
    const raw = cell(column);
    let value = lowerParticles(collapseSpaces(raw));
    if (column === 'name' || column === 'capital') value = mendKnownFault(code, column, value);
    if (value !== raw) result.mended.push({ code, field: column, from: raw, to: value });
    texts[column] = value;
  }
  return texts;
}

function isKnownPlace(line: number, code: string, text: { name: string }, result: IneiDirectory): boolean {
  if (departmentName(code.slice(0, 2)) === undefined) {
    reportProblem(result, 'error', 'unknown_department', `el departamento ${code.slice(0, 2)} del ubigeo ${code} no existe; se dejó fuera.`, line, code);
    return false;
  }
  if (provinceName(code.slice(0, 4)) === undefined) {
    reportProblem(result, 'error', 'unknown_province', `la provincia ${code.slice(0, 4)} del ubigeo ${code} no está en la lista de provincias; se dejó fuera.`, line, code);
    return false;
  }
  if (text.name === '') {
    reportProblem(result, 'error', 'missing_name', `el ubigeo ${code} no tiene nombre de distrito; se dejó fuera.`, line, code);
    return false;
  }
  return true;
}

// The department and province columns must agree with our lists: accents are put right
// quietly (a mend), a different name is put right and reported.
function mendParentNames(line: number, code: string, text: { department: string; province: string }, result: IneiDirectory): void {
  const parents = [
    { field: 'department' as const, label: 'departamento', article: 'el', parent: code.slice(0, 2), ours: departmentName(code.slice(0, 2)) },
    { field: 'province' as const, label: 'provincia', article: 'la', parent: code.slice(0, 4), ours: provinceName(code.slice(0, 4)) },
  ];
  for (const { field, label, article, parent, ours } of parents) {
    const value = text[field];
    if (ours === undefined || value === ours) continue;
    const previous = result.mended.findLast((m) => m.code === code && m.field === field);
    if (previous) previous.to = ours;
    else result.mended.push({ code, field, from: value, to: ours });
    if (foldPlaceName(value) !== foldPlaceName(ours)) {
      const message = `el distrito ${code} dice ${label} «${value}», pero ${article} ${label} ${parent} es «${ours}»; se usó «${ours}».`;
      reportProblem(result, 'warning', `${field}_name`, message, line, code);
    }
  }
}

