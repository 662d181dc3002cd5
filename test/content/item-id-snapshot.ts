/**
 * The published checklist item ids, kept in `template-item-ids.json`. Runs made offline refer to
 * item ids for months, so an id may never disappear; a template whose item set changed must
 * bump its version so devices know their copy is outdated.
 */
import type { ChecklistTemplate } from '../../src/shared/catalogue';

/** Template id → its version and item ids when the snapshot was taken. */
export type ItemIdSnapshot = Record<string, { version: number; items: string[] }>;

/** The snapshot of `templates`: versions and item ids, in file order. */
export function takeItemIdSnapshot(templates: ChecklistTemplate[]): ItemIdSnapshot {
  return Object.fromEntries(templates.map((t) => [t.id, { version: t.version, items: t.sections.flatMap((s) => s.items.map((i) => i.id)) }]));
}

/** Every way `templates` break the promise of `snapshot`, in Spanish; empty when none. */
export function findSnapshotBreaks(snapshot: ItemIdSnapshot, templates: ChecklistTemplate[]): string[] {
  const current = takeItemIdSnapshot(templates);
  const breaks: string[] = [];
  for (const [templateId, published] of Object.entries(snapshot)) {
    const now = current[templateId];
    if (!now) {
      breaks.push(`La plantilla publicada «${templateId}» desapareció.`);
      continue;
    }
    const ids = new Set(now.items);
    for (const id of published.items) if (!ids.has(id)) breaks.push(`El ítem publicado «${id}» desapareció de «${templateId}».`);
    const isSameSet = now.items.length === published.items.length && published.items.every((id) => ids.has(id));
    if (!isSameSet && now.version <= published.version) {
      breaks.push(`«${templateId}» cambió sus ítems: suba su version (publicada: ${published.version}).`);
    }
  }
  return breaks;
}
