/**
 * Norms cited in running text ("Ley 28976", "DS 002-2018-PCM", "RM N° 000179-2021-DM/MC",
 * "Ordenanza 349-2019-MDCH", "D. Leg. 1278") reduced to keys, so a body's citations can be
 * matched against the entry's sources whatever way each was written.
 */

/** A norm as cited: its kind, number (no leading zeros), year when the citation has one. */
export interface NormCitation {
  kind: 'ley' | 'dleg' | 'ds' | 'du' | 'rm' | 'rs' | 'ordenanza' | 'norma';
  number: string;
  year?: string;
  /** The words as written, for the fault message. */
  text: string;
}

const N = String.raw`(?:N(?:\.\s?)?[°ºo]\.?\s*)?`;
const NUM_YEAR = String.raw`(\d{1,6})-(\d{4})-[A-Z][A-Z/-]*[A-Z]`;

/** One pattern per kind of norm; group 1 is the number, group 2 the year when there is one. */
const PATTERNS: [NormCitation['kind'], RegExp][] = [
  ['ley', new RegExp(String.raw`\bLey\s+${N}(\d{4,5})\b`, 'g')],
  ['dleg', new RegExp(String.raw`(?:\bDecreto\s+Legislativo|\bD\.\s?Leg\.|\bD\.\s?L\.|\bDL)\s+${N}(\d{3,4})\b`, 'g')],
  ['ds', new RegExp(String.raw`(?:\bDecreto\s+Supremo|\bD\.\s?S\.|\bDS)\s+${N}${NUM_YEAR}`, 'g')],
  ['du', new RegExp(String.raw`(?:\bDecreto\s+de\s+Urgencia|\bD\.\s?U\.|\bDU)\s+${N}${NUM_YEAR}`, 'g')],
  ['rm', new RegExp(String.raw`(?:\bResolución\s+Ministerial|\bR\.\s?M\.|\bRM)\s+${N}${NUM_YEAR}`, 'g')],
  ['rs', new RegExp(String.raw`(?:\bResolución\s+de\s+Superintendencia|\bResolución\s+Suprema|\bR\.\s?S\.|\bRS)\s+${N}${NUM_YEAR}`, 'g')],
  ['ordenanza', new RegExp(String.raw`\bOrdenanza(?:\s+Municipal)?\s+${N}(\d{1,5})(?:-(\d{4}))?`, 'g')],
  ['norma', /\bNorma\s+(?:Técnica\s+)?([A-Z]\.\d{3})\b/g],
];

/** Every norm cited in `text`, in order of kind. Markdown link targets are not read. */
export function findNormCitations(text: string): NormCitation[] {
  const prose = text.replace(/\]\([^)]*\)/g, '] ');
  const found: NormCitation[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const match of prose.matchAll(pattern)) {
      const number = (match[1] ?? '').replace(/^0+(?=\d)/, '');
      found.push(match[2] ? { kind, number, year: match[2], text: match[0] } : { kind, number, text: match[0] });
    }
  }
  return found;
}

/** Whether two citations name the same norm (a year on only one side does not tell them apart). */
export function isSameNorm(a: NormCitation, b: NormCitation): boolean {
  return a.kind === b.kind && a.number === b.number && (!a.year || !b.year || a.year === b.year);
}
