/**
 * Mending place names as INEI's directory spells them: the directory is kept in capitals and
 * exported in title case, which capitalises Spanish particles inside names ("Villa María Del
 * Triunfo"), and a few cells were cut short or carry double spaces.
 */

// Spanish particles that are written in lower case inside a place name.
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y']);

/** Collapses runs of white space to one space and trims the ends. */
export function collapseSpaces(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * Writes particles inside a name in lower case ("Magdalena Del Mar" → "Magdalena del Mar").
 * A name's first word keeps its capital ("La Victoria", "Los Olivos"), and so does the first word
 * after a dash, which starts a second name ("Santa Anita - Los Ficus"). Articles that belong to
 * a proper name ("San Miguel de El Faique", "Villa El Salvador") are not particles here.
 */
export function lowerParticles(value: string): string {
  const words = value.split(' ');
  return words
    .map((word, index) => {
      const previous = index > 0 ? words[index - 1] : undefined;
      const startsName = previous === undefined || /[-–—(]$/.test(previous);
      const lower = word.toLowerCase();
      return !startsName && PARTICLES.has(lower) ? lower : word;
    })
    .join(' ');
}

/** A known fault of INEI's published directory, mended by exact match only. */
export interface KnownFault {
  readonly code: string;
  readonly field: 'name' | 'capital';
  readonly from: string;
  readonly to: string;
}

/** Cells INEI's export cut short; fixed only when the cell reads exactly `from`. */
export const KNOWN_FAULTS: readonly KnownFault[] = [
  { code: '060506', field: 'name', from: 'Santa Cruz de Toled', to: 'Santa Cruz de Toledo' },
  { code: '060506', field: 'capital', from: 'Santa Cruz de Toled', to: 'Santa Cruz de Toledo' },
];

/** The corrected value of a known faulty cell, or the value unchanged. */
export function mendKnownFault(code: string, field: KnownFault['field'], value: string): string {
  const fault = KNOWN_FAULTS.find((f) => f.code === code && f.field === field && f.from === value);
  return fault ? fault.to : value;
}
