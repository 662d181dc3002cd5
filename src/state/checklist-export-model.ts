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
import { t } from '../shared/i18n/checklists';


/** An item's state in one word. */
export function describeItemState(item: ItemView): string {
  if (item.state.done) return t('checklists.state.done');
  if (item.state.notApplicable) return t('checklists.state.na');
  if (item.isOverdue) return t('checklists.state.overdue');
  return t('checklists.state.pending');
}

function activeRuns(runs: readonly EventRun[]): EventRun[] {
  return runs.filter((r) => !r.isRemoved && r.view);
}

/** One open item as a line to share: the box, the text, its due day, who does it, the note. */
function formatOpenItem(item: ItemView, withResponsible: boolean): string {
  const due = item.dueDate ? ` ${t(item.isOverdue ? 'checklists.text.dueOverdue' : 'checklists.text.due', { date: formatDay(item.dueDate) })}` : '';
  const who = withResponsible && item.state.responsible ? ` — ${t('checklists.responsibleIs', { name: item.state.responsible })}` : '';
  const note = item.state.note ? ` — ${t('checklists.text.note', { note: item.state.note })}` : '';
  return `- [ ] ${item.text}${due}${who}${note}`;
}

function isOpen(item: ItemView): boolean {
  return item.applies && !item.state.done && !item.state.notApplicable;
}

/**
 * A plain-text summary to share by WhatsApp or e-mail: progress and what is still open, each
 * item with its responsible and note. With `responsible`, only that person's open items: the
 * message a gestor sends each member of the team.
 */
export function formatChecklistText(event: LocalEvent, runs: readonly EventRun[], responsible?: string): string {
  const heading = [`${event.title} — ${formatRange(event.startsAt, event.endsAt)}`, event.venue].filter(Boolean);
  const lines = responsible ? [...heading, '', t('checklists.text.forResponsible', { name: responsible })] : heading;
  for (const { view } of activeRuns(runs)) {
    const items = view!.sections.flatMap((s) => s.items).filter((item) => isOpen(item) && (!responsible || item.state.responsible === responsible));
    if (responsible && items.length === 0) continue;
    const p = view!.progress;
    lines.push('', t('checklists.text.progress', { title: view!.title, done: p.done, total: p.total, percent: p.percent }));
    for (const item of items) lines.push(formatOpenItem(item, !responsible));
  }
  return lines.join('\n');
}

/** The people named responsible for an open item, by name, each with how many they have. */
export function listResponsibles(runs: readonly EventRun[]): Array<{ name: string; count: number }> {
  const counts = new Map<string, number>();
  for (const { view } of activeRuns(runs)) {
    for (const item of view!.sections.flatMap((s) => s.items)) {
      const name = item.state.responsible?.trim();
      if (name && isOpen(item)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name, 'es'));
}

const CSV_COLUMNS = ['list', 'section', 'item', 'state', 'reason', 'note', 'responsible', 'dueDate', 'applies'] as const;

/** The CSV of every item of every run in use, one row per item. */
export function formatChecklistCsv(runs: readonly EventRun[]): string {
  const header = CSV_COLUMNS.map((column) => t(`checklists.csv.${column}`));
  const rows: CsvCell[][] = [header];
  for (const { view } of activeRuns(runs)) {
    for (const section of view!.sections) {
      for (const item of section.items) {
        rows.push([
          view!.title, section.title, item.text, describeItemState(item), item.state.reason ?? item.whyNot ?? '',
          item.state.note ?? '', item.state.responsible ?? '', item.dueDate ?? '', t(item.applies ? 'checklists.csv.yes' : 'checklists.csv.no'),
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
