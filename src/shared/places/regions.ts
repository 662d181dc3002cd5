/**
 * Peru's departments (INEI codes) and the regions as the RED counts them.
 *
 * The RED counts 26 regions: the 25 departments, with department 15 (Lima) split in two, as
 * the regional governments are: Lima Metropolitana (province 1501, governed by the
 * Municipalidad Metropolitana) and Lima Provincias (provinces 1502–1510, the Gobierno Regional
 * de Lima). Callao is its own department and region (INEI code 07).
 *
 * Region codes are stable strings chosen so every other region keeps its department code:
 * - `1501` is Lima Metropolitana (the code of the province it covers);
 * - `15` is Lima Provincias (department 15 without province 1501);
 * - every other region carries its 2-digit department code (`07` Callao, `08` Cusco, …).
 * A region code is therefore 2 or 4 digits long; records store it as a string, never a number.
 * The data is compiled in, so it works offline with nothing pulled.
 */

/** One of Peru's 25 departments, by its INEI code. */
export interface Department {
  readonly code: string;
  readonly name: string;
}

/** One of the 26 RED regions. */
export interface Region {
  readonly code: string;
  readonly name: string;
  /** The INEI department the region lies in. */
  readonly departmentCode: string;
}

/** The code of Lima Metropolitana, which is also the code of its only province. */
export const LIMA_METROPOLITANA = '1501';
/** The code of Lima Provincias: department 15 without province 1501. */
export const LIMA_PROVINCIAS = '15';

/** The 25 departments, in INEI order. */
export const DEPARTMENTS: readonly Department[] = [
  { code: '01', name: 'Amazonas' },
  { code: '02', name: 'Áncash' },
  { code: '03', name: 'Apurímac' },
  { code: '04', name: 'Arequipa' },
  { code: '05', name: 'Ayacucho' },
  { code: '06', name: 'Cajamarca' },
  { code: '07', name: 'Callao' },
  { code: '08', name: 'Cusco' },
  { code: '09', name: 'Huancavelica' },
  { code: '10', name: 'Huánuco' },
  { code: '11', name: 'Ica' },
  { code: '12', name: 'Junín' },
  { code: '13', name: 'La Libertad' },
  { code: '14', name: 'Lambayeque' },
  { code: '15', name: 'Lima' },
  { code: '16', name: 'Loreto' },
  { code: '17', name: 'Madre de Dios' },
  { code: '18', name: 'Moquegua' },
  { code: '19', name: 'Pasco' },
  { code: '20', name: 'Piura' },
  { code: '21', name: 'Puno' },
  { code: '22', name: 'San Martín' },
  { code: '23', name: 'Tacna' },
  { code: '24', name: 'Tumbes' },
  { code: '25', name: 'Ucayali' },
];

/** The 26 RED regions, in department order, Lima Metropolitana before Lima Provincias. */
export const REGIONS: readonly Region[] = DEPARTMENTS.flatMap((department): Region[] =>
  department.code === '15'
    ? [
        { code: LIMA_METROPOLITANA, name: 'Lima Metropolitana', departmentCode: '15' },
        { code: LIMA_PROVINCIAS, name: 'Lima Provincias', departmentCode: '15' },
      ]
    : [{ code: department.code, name: department.name, departmentCode: department.code }],
);

const departmentsByCode = new Map(DEPARTMENTS.map((department) => [department.code, department]));
const regionsByCode = new Map(REGIONS.map((region) => [region.code, region]));

/** The RED regions, in display order. */
export function listRegions(): readonly Region[] {
  return REGIONS;
}

/** Whether `code` is one of the 26 RED region codes. */
export function isRegionCode(code: string): boolean {
  return regionsByCode.has(code);
}

/** The region with this code, or undefined. */
export function findRegion(code: string): Region | undefined {
  return regionsByCode.get(code);
}

/** The Spanish name of a RED region, or undefined for an unknown code. */
export function regionName(code: string): string | undefined {
  return regionsByCode.get(code)?.name;
}

/** The Spanish name of a department (2-digit INEI code), or undefined. */
export function departmentName(code: string): string | undefined {
  return departmentsByCode.get(code)?.name;
}

/**
 * The RED region a department-level code belongs to, given the province inside it when known.
 * Department 15 belongs to Lima Metropolitana only through province 1501.
 */
export function regionOfDepartment(departmentCode: string, provinceCode?: string): string | undefined {
  if (!departmentsByCode.has(departmentCode)) return undefined;
  if (departmentCode !== '15') return departmentCode;
  if (provinceCode === undefined) return undefined;
  return provinceCode === LIMA_METROPOLITANA ? LIMA_METROPOLITANA : LIMA_PROVINCIAS;
}
