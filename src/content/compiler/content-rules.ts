/**
 * Rules a gestor's trust depends on, checked at build time (and in the app's editor for entries):
 * every norm a body cites is among the entry's sources; no amount that moves with the UIT is
 * written as prose (it goes in valores.yaml and is cited as `{{valor:…}}`); the items of a
 * template section come in the order they fall due.
 */
import type { EntrySource } from '../../shared/catalogue/entry';
import { isSafeHttpsLink } from '../../shared/safe-link';
import { VALOR_TOKEN } from '../../shared/catalogue/valor-text';
import type { Fault } from './faults';
import { findNormCitations, isSameNorm } from './norm-citations';
import type { ValorTable } from './valores-source';

/** A line of text and where it is. */
export interface SourceLine {
  text: string;
  line: number;
}

/** Faults for norms cited in `lines` that no source of the entry names. */
export function checkNormsHaveSources(file: string, lines: readonly SourceLine[], sources: readonly EntrySource[]): Fault[] {
  const cited = sources.flatMap((s) => findNormCitations([s.norm, s.title, s.detail ?? ''].join(' ')));
  const faults: Fault[] = [];
  const reported = new Set<string>();
  for (const { text, line } of lines) {
    for (const norm of findNormCitations(text)) {
      const key = `${norm.kind}:${norm.number}:${norm.year ?? ''}`;
      if (reported.has(key) || cited.some((c) => isSameNorm(c, norm))) continue;
      reported.add(key);
      faults.push({ file, line, message: `Cita «${norm.text}» pero esa norma no está en sources: agréguela (norm, title y, si puede, url) o no la cite.` });
    }
  }
  return faults;
}

// "S/ 44 000", "S/. 5,350.00", "S/5350", "42 800 soles".
const MONEY = /S\/\.?\s?(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d+)(?:[.,]\d{1,2}(?!\d))?|(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d+)\s+soles\b/gi;
const UIT_WORD = /\bUITs?\b/;

/** The multiples of a yearly value an author might write by hand: halves, quarters and whole numbers. */
function isMultipleOfAValue(amount: number, table: ValorTable): boolean {
  for (const valor of table.values()) {
    for (const { amount: unit } of valor.years) {
      if (unit <= 0) continue;
      const factor = amount / unit;
      if (factor > 1000) continue;
      if (Math.abs(factor * 4 - Math.round(factor * 4)) < 1e-9 && factor >= 0.25) return true;
    }
  }
  return false;
}

/** Faults for amounts written as prose that move with a yearly value. */
export function checkNoYearlyAmounts(file: string, lines: readonly SourceLine[], table: ValorTable): Fault[] {
  const faults: Fault[] = [];
  for (const { text, line } of lines) {
    // Sentence by sentence: an amount is tied to the UIT when the same sentence names it.
    for (const sentence of text.replace(VALOR_TOKEN, ' ').split(/(?<=[.;!?])\s+/)) {
      for (const match of sentence.matchAll(MONEY)) {
        const amount = Number((match[1] ?? match[2] ?? '').replace(/[^\d]/g, ''));
        if (!UIT_WORD.test(sentence) && !isMultipleOfAValue(amount, table)) continue;
        faults.push({ file, line, message: `«${match[0].trim()}» es un monto que cambia cada año: escríbalo como {{valor:uit*N}} (los valores están en src/content/valores.yaml).` });
      }
    }
  }
  return faults;
}

/** An item of a section with the line of its id. */
export interface DueItem {
  id: string;
  dueDays: number;
  line: number;
}

/** Faults for items due later than the item after them (dueDays counts down to the event). */
export function checkDueOrder(file: string, sectionId: string, items: readonly DueItem[]): Fault[] {
  const faults: Fault[] = [];
  items.forEach((item, i) => {
    const next = items[i + 1];
    if (!next || item.dueDays >= next.dueDays) return;
    faults.push({
      file,
      line: next.line,
      message: `Sección «${sectionId}»: «${next.id}» (${next.dueDays} días hábiles antes) vence antes que «${item.id}» (${item.dueDays}), que va primero; ordene los ítems por fecha.`,
    });
  });
  return faults;
}

/** The lines an entry's rules read: title and summary at their lines, then the body. */
export function readEntryLines(
  front: { title: string; summary: string },
  lines: readonly string[],
  close: number,
  lineOf: (path: string[]) => number,
): SourceLine[] {
  const heading = [
    { text: front.title, line: lineOf(['title']) },
    { text: front.summary, line: lineOf(['summary']) },
  ];
  return [...heading, ...lines.slice(close + 1).map((text, i) => ({ text, line: close + 2 + i }))];
}

/** Why an external link is refused (the shared rule the reader applies too), or undefined. */
export function findLinkProblem(href: string): string | undefined {
  if (isSafeHttpsLink(href)) return undefined;
  if (!/^https:\/\//i.test(href)) return 'use una dirección https:// o entrada:<id>';
  // `https://gob.pe@evil.example` opens evil.example: what reads as the site is only a user name.
  if (/^https:\/\/[^/?#]*@/i.test(href)) return 'lleva un usuario antes de «@» y abriría otro sitio que el que se lee';
  return 'tiene espacios, barras invertidas o caracteres de control, o no es una dirección válida';
}
