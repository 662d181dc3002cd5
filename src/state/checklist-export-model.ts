/**
 * An event's checklists as text to share and as CSV, built on the device (offline too).
 * The CSV goes through the shared writer (src/shared/csv.ts): BOM, quotes, CRLF, and notes or
 * custom items that start like a formula are written as text.
 */
import type { LocalEvent } from '../db/events-store';
import { formatDay, formatRange } from '../shared/calendar/lima-dates';
import { formatCsv, type CsvCell } from '../shared/csv';
import type { EventRun } from './event-checklists-model';
import type { ItemView } from './checklist-view-model';


/** An item's state in one word. */
export function describeItemState(item: ItemView): string {
  if (item.state.done) return 'Hecho';
  if (item.state.notApplicable) return 'No aplica';
  if (item.isOverdue) return 'Vencido';
  return 'Pendiente';
}

function activeRuns(runs: readonly EventRun[]): EventRun[] {
  return runs.filter((r) => !r.isRemoved && r.view);
}

/** A plain-text summary to share by WhatsApp or e-mail: progress and what is still open. */
export function formatChecklistText(event: LocalEvent, runs: readonly EventRun[]): string {
  const lines = [`${event.title} — ${formatRange(event.startsAt, event.endsAt)}`, event.venue].filter(Boolean);
  for (const { view } of activeRuns(runs)) {
    const p = view!.progress;
    lines.push('', `${view!.title}: ${p.done} de ${p.total} · ${p.percent} %`);
    for (const item of view!.sections.flatMap((s) => s.items)) {
      if (!item.applies || item.state.done || item.state.notApplicable) continue;
      const due = item.dueDate ? ` (para el ${formatDay(item.dueDate)}${item.isOverdue ? ', vencido' : ''})` : '';
      lines.push(`- [ ] ${item.text}${due}`);
    }
  }
  return lines.join('\n');
}

/** The CSV of every item of every run in use, one row per item. */
export function formatChecklistCsv(runs: readonly EventRun[]): string {
  const header = ['Lista', 'Sección', 'Ítem', 'Estado', 'Motivo', 'Nota', 'Responsable', 'Fecha límite', 'Aplica'];
  const rows: CsvCell[][] = [header];
  for (const { view } of activeRuns(runs)) {
    for (const section of view!.sections) {
      for (const item of section.items) {
        rows.push([
          view!.title, section.title, item.text, describeItemState(item), item.state.reason ?? item.whyNot ?? '',
          item.state.note ?? '', item.state.responsible ?? '', item.dueDate ?? '', item.applies ? 'Sí' : 'No',
        ]);
      }
    }
  }
  return formatCsv(rows);
}

/**
 * Shares the text with the Web Share API where there is one (Android), else copies it.
 * Returns what happened, so the screen can say it; never throws.
 */
export async function shareText(title: string, text: string): Promise<'shared' | 'copied' | 'failed'> {
  const nav = globalThis.navigator as Navigator | undefined;
  try {
    if (nav?.share) {
      await nav.share({ title, text });
      return 'shared';
    }
    await nav?.clipboard.writeText(text);
    return nav?.clipboard ? 'copied' : 'failed';
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return 'failed';
    try {
      await nav?.clipboard.writeText(text);
      return 'copied';
    } catch {
      return 'failed';
    }
  }
}
