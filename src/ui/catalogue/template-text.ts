import type { EventConditions } from '../../shared/catalogue';
import { humanise } from './catalogue-labels';
import { t, type MessageKey } from '../../shared/i18n/catalogue';

/** "20 días hábiles antes", "El día del evento", "3 días hábiles después". */
export function describeDue(dueDays: number): string {
  if (dueDays === 0) return t('catalogue.template.due.same');
  const count = Math.abs(dueDays);
  if (dueDays > 0) return count === 1 ? t('catalogue.template.due.before.one') : t('catalogue.template.due.before.many', { count });
  return count === 1 ? t('catalogue.template.due.after.one') : t('catalogue.template.due.after.many', { count });
}

/** An event type in conditions: its name when the catalogue has one (codes lack accents), else the code made readable. */
function describeType(type: string): string {
  const key = `catalogue.cond.type.${type}` as MessageKey;
  const name = t(key);
  return name === key ? humanise(type).toLowerCase() : name;
}

const or = (words: string[]) => words.join(t('catalogue.cond.or'));

/** The conditions in words ("al aire libre; música en vivo; desde 500 personas"), or '' for none. */
export function describeConditions(when: EventConditions | null | undefined): string {
  if (!when) return '';
  const parts: string[] = [];
  if (when.outdoors !== undefined) parts.push(t(when.outdoors ? 'catalogue.cond.outdoors' : 'catalogue.cond.indoors'));
  if (when.heritageSite !== undefined) parts.push(t(when.heritageSite ? 'catalogue.cond.heritage' : 'catalogue.cond.notHeritage'));
  if (when.minors !== undefined) parts.push(t(when.minors ? 'catalogue.cond.minors' : 'catalogue.cond.noMinors'));
  if (when.music) parts.push(t('catalogue.cond.music', { kinds: or(when.music.map((kind) => t(`catalogue.cond.music.${kind}`))) }));
  if (when.minAudience !== undefined) parts.push(t('catalogue.cond.minAudience', { count: when.minAudience }));
  if (when.types) parts.push(t('catalogue.cond.types', { types: or(when.types.map(describeType)) }));
  return parts.join('; ');
}
