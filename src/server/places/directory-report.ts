/**
 * The result of reading INEI's directory and the checks that report on it: district records,
 * the list of mends and the list of problems, each problem with a Spanish message.
 */
import { PROVINCES } from '../../shared/places/provinces';

/** One district as read from the directory, after mending. */
export interface DistrictRecord {
  code: string;
  name: string;
  provinceCode: string;
  departmentCode: string;
  capital: string | null;
  category: string | null;
  altitude: number | null;
  population: number | null;
  lat: number | null;
  lon: number | null;
}

/** One cell changed by the reader: which district, which column, before and after. */
export interface Mend {
  code: string;
  field: string;
  from: string;
  to: string;
}

/** What went wrong; `error` rows are left out of `districts`, `warning` rows are kept. */
export interface Problem {
  severity: 'error' | 'warning';
  kind: string;
  message: string;
  line?: number;
  code?: string;
}

/** The whole reading: the districts, every mend and every problem. */
export interface IneiDirectory {
  districts: DistrictRecord[];
  mended: Mend[];
  problems: Problem[];
}

/** Whether the reading has a problem that must stop an import. */
export function hasFatalProblems(directory: IneiDirectory): boolean {
  return directory.problems.some((problem) => problem.severity === 'error');
}

/** Adds a problem, its message prefixed with the file line when known. */
export function reportProblem(result: IneiDirectory, severity: Problem['severity'], kind: string, text: string, line?: number, code?: string): void {
  const where = line === undefined ? '' : `Fila ${line}: `;
  const problem: Problem = { severity, kind, message: where + text };
  if (line !== undefined) problem.line = line;
  if (code !== undefined) problem.code = code;
  result.problems.push(problem);
}

/** A number cell, or null when empty; a cell that is not a number is reported and left null. */
export function readNumber(line: number, code: string, raw: string, label: string, result: IneiDirectory): number | null {
  const value = raw.trim().replace(',', '.');
  if (value === '') return null;
  const number = Number(value);
  if (Number.isFinite(number)) return number;
  reportProblem(result, 'warning', 'bad_number', `la ${label} «${raw}» del ubigeo ${code} no es un número; se dejó vacía.`, line, code);
  return null;
}

/** Warns about coordinates outside Peru (about 0°–18.5° S and 68.5°–81.5° W): a typo. */
export function checkCoordinates(line: number, record: DistrictRecord, result: IneiDirectory): void {
  const isInsideLat = record.lat === null || (record.lat <= 0.5 && record.lat >= -18.6);
  const isInsideLon = record.lon === null || (record.lon <= -68.4 && record.lon >= -81.6);
  if (isInsideLat && isInsideLon) return;
  reportProblem(result, 'warning', 'bad_coordinates', `las coordenadas ${record.lat}, ${record.lon} del ubigeo ${record.code} caen fuera del Perú.`, line, record.code);
}

/** Warns when a complete directory has another count of districts, or a province has none. */
export function checkTotals(result: IneiDirectory, expectedCount: number): void {
  const count = result.districts.length;
  if (count !== expectedCount) {
    reportProblem(result, 'warning', 'row_count', `El archivo trae ${count} distritos válidos; se esperaban ${expectedCount}.`);
  }
  const provincesSeen = new Set(result.districts.map((district) => district.provinceCode));
  for (const province of PROVINCES) {
    if (!provincesSeen.has(province.code)) {
      reportProblem(result, 'warning', 'missing_province', `La provincia ${province.code} (${province.name}) no tiene ningún distrito en el archivo.`);
    }
  }
}
