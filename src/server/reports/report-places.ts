/** Where and when, as the national report groups: RED region of any place code, Lima month of an instant. */
import { regionOfPlace } from '../../shared/places/provinces';
import { regionOfDepartment } from '../../shared/places/regions';

const LIMA_OFFSET_MS = 5 * 60 * 60 * 1000;

/** The RED region of a department (2 digits; not Lima's 15), province (4) or district (6) code. */
export function regionOfAnyPlace(code: string): string | undefined {
  return code.length === 2 ? regionOfDepartment(code) : regionOfPlace(code);
}

/** The Lima year and month (`01`…`12`) of an instant, or undefined when it is not one. */
export function limaMonthOf(instant: string): { year: number; month: string } | undefined {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return undefined;
  const lima = new Date(ms - LIMA_OFFSET_MS);
  return { year: lima.getUTCFullYear(), month: String(lima.getUTCMonth() + 1).padStart(2, '0') };
}
