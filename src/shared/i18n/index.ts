/**
 * Every string the interface shows, in Spanish of Peru («usted»), split by area under `es-pe/`.
 * The shell's area ships in the main chunk; a screen imports `t` from its area's module
 * (`shared/i18n/events`…), which loads that area with the screen's own chunk — offline it comes
 * from the precache with it. `test/lint/i18n.test.ts` checks each file imports the areas it uses.
 * Server error messages live in `../errors`.
 */
import './es-pe/shell';
import { readMessage } from './registry';
import type { CountedKey, MessageKey } from './keys';

export type { CountedKey, MessageKey };

/**
 * The string for `key`, with `{name}` placeholders filled from `params`. Numbers are written the
 * Peruvian way (es-PE). A value that ends in a period before the sentence's own period («…4:00
 * p. m.» + «.») keeps one, as Spanish writes it: never «p. m..». A key whose area is not loaded
 * comes back as the key itself.
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template = readMessage(key) ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}(\.?)/g, (_, name: string, period: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}${period}`;
    const text = typeof value === 'number' ? value.toLocaleString('es-PE') : value;
    return text.endsWith('.') ? text : text + period;
  });
}

/** A counted string: `<stem>.one` for 1, `<stem>.many` otherwise, with `{count}` filled. */
export function tn(stem: CountedKey, count: number, params: Record<string, string | number> = {}): string {
  return t(`${stem}.${count === 1 ? 'one' : 'many'}` as MessageKey, { ...params, count });
}
