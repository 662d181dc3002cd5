/**
 * An event's checklists as its screen needs them: the templates the catalogue proposes for the
 * event and why, the runs started (or set aside), each run's view, and the actions to add,
 * remove and copy them. Reads both device databases live; every action is a mutation through
 * the one write path, so it shows at once offline and syncs later.
 */
import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { listRunItems } from '../db/checklist-items-store';
import { listRunsOfEvent } from '../db/checklist-runs-store';
import { getEvent, type LocalEvent } from '../db/events-store';
import { keyedLiveSignal } from './live-signal';
import { META_KEYS, readMeta, readSession } from '../db/meta-store';
import { shouldProposeTemplate } from '../shared/catalogue/conditions';
import type { ChecklistTemplate } from '../shared/catalogue/template';
import { toLimaDay } from '../shared/calendar/working-days';
import type { ChecklistItemRow, ChecklistRunRow } from '../shared/schemas/checklist';
import { addChecklistItem, setChecklistItem, startChecklist } from './checklist-model';
import { buildChecklistView, explainProposal, isRunRemoved, isRunStarted, RUN_ITEM_ID, type ChecklistView } from './checklist-view-model';
import { t } from '../shared/i18n/checklists';

/** One run of the event, with its template and view. */
export interface EventRun {
  run: ChecklistRunRow;
  rows: ChecklistItemRow[];
  template: ChecklistTemplate | undefined;
  view: ChecklistView | undefined;
  isRemoved: boolean;
  isStarted: boolean;
}

/** A catalogue template as offered for the event. */
export interface TemplateOffer {
  template: ChecklistTemplate;
  isProposed: boolean;
  reason: string;
  runId?: string;
}

/** Everything the event screen shows, loaded once. */
export interface EventChecklists {
  event: LocalEvent | undefined;
  runs: EventRun[];
  offers: TemplateOffer[];
  deviceId: string;
  /** The signed-in person's name: changes made on this device are theirs (empty when signed out). */
  myName: string;
  isLoaded: boolean;
}

/** Today's calendar day in Lima. */
export function todayInLima(now = Date.now()): string {
  return toLimaDay(new Date(now).toISOString());
}

/** Orders templates: proposed first (with the reason), then the rest, by title. */
export function listTemplateOffers(templates: ChecklistTemplate[], event: LocalEvent, runs: EventRun[]): TemplateOffer[] {
  return templates
    .map((template) => {
      const run = runs.find((r) => r.run.templateId === template.id && !r.isRemoved);
      const isProposed = shouldProposeTemplate(template, event);
      return {
        template, isProposed,
        reason: isProposed ? explainProposal(template.proposeWhen, event) : t('checklists.notProposed'),
        ...(run ? { runId: run.run.id } : {}),
      };
    })
    .sort((a, b) => Number(b.isProposed) - Number(a.isProposed) || a.template.title.localeCompare(b.template.title, 'es'));
}

/** Reads an event, its runs and the catalogue templates once. */
export async function readEventChecklists(eventId: string, now = Date.now()): Promise<EventChecklists> {
  const { user, catalogue } = getDatabases();
  const [event, runRows, templates, deviceId] = await Promise.all([
    getEvent(user, eventId), listRunsOfEvent(user, eventId), catalogue.checklistTemplates.toArray(),
    // Read only (a live query may not write): before the first write there is no device id yet.
    readMeta<string>(user.meta, META_KEYS.clientId).then((id) => id ?? ''),
  ]);
  const myName = (await readSession(user))?.user.name ?? '';
  const today = todayInLima(now);
  const runs: EventRun[] = await Promise.all(
    runRows.map(async (run) => {
      const rows = await listRunItems(user, run.id);
      const template = templates.find((t) => t.id === run.templateId);
      const view = template && event ? buildChecklistView(template, run, rows, event, today, deviceId) : undefined;
      return { run, rows, template, view, isRemoved: isRunRemoved(rows), isStarted: isRunStarted(rows) };
    }),
  );
  const offers = event ? listTemplateOffers(templates, event, runs) : [];
  return { event, runs, offers, deviceId, myName, isLoaded: true };
}

/** The event's checklists, live; the same signal per event id. */
export const watchEventChecklists: (eventId: string) => ReadonlySignal<EventChecklists> = keyedLiveSignal(
  (eventId) => readEventChecklists(eventId),
  { event: undefined, runs: [], offers: [], deviceId: '', myName: '', isLoaded: false },
);

/** Adds a template to the event: starts its run, or brings back one set aside (ticks kept). */
export async function addTemplate(eventId: string, template: Pick<ChecklistTemplate, 'id' | 'version'>): Promise<string> {
  const runId = await startChecklist(eventId, template.id, template.version);
  const rows = await listRunItems(getDatabases().user, runId);
  if (isRunRemoved(rows)) await setChecklistItem(runId, RUN_ITEM_ID, { notApplicable: false });
  return runId;
}

/** Sets a run aside (synced, and reversible: adding the template again brings back its ticks). */
export async function removeRun(runId: string): Promise<void> {
  await setChecklistItem(runId, RUN_ITEM_ID, { notApplicable: true, reason: t('checklists.runRemovedReason') });
}

/**
 * Copies the checklists of a previous event: the same templates, its custom items and the
 * responsible person of each item. Ticks, notes, n/a marks and due dates are not copied: they
 * describe the old event, and a stale "hecho" is worse than an empty box.
 */
export async function copyChecklists(fromEventId: string, toEventId: string): Promise<number> {
  const source = await readEventChecklists(fromEventId);
  let copied = 0;
  for (const { run, rows, isRemoved } of source.runs) {
    if (isRemoved) continue;
    const runId = await addTemplate(toEventId, { id: run.templateId, version: run.templateVersion });
    // Each write is a transaction of its own (recordMutation), so writes in a row need no pause.
    for (const custom of run.customItems) await addChecklistItem(runId, custom.section, custom.text);
    for (const row of rows) {
      const responsible = row.state.responsible?.trim();
      if (responsible && !row.itemId.startsWith('custom-') && row.itemId !== RUN_ITEM_ID) await setChecklistItem(runId, row.itemId, { responsible });
    }
    copied += 1;
  }
  return copied;
}

/** Starts the template with this id from the catalogue, if the device has it (from `?plantilla=`). */
export async function addTemplateById(eventId: string, templateId: string): Promise<string | undefined> {
  const row = await getDatabases().catalogue.checklistTemplates.get(templateId);
  if (!row) return undefined;
  return addTemplate(eventId, { id: templateId, version: Number(row['version']) || 1 });
}

/** Adds every proposed template not in use yet, one mutation each; returns how many. */
export async function addProposedTemplates(eventId: string, offers: readonly TemplateOffer[]): Promise<number> {
  const proposed = offers.filter((o) => o.isProposed && !o.runId);
  for (const offer of proposed) await addTemplate(eventId, offer.template);
  return proposed.length;
}
