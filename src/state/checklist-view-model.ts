/**
 * What a checklist screen shows, computed from the template, the run, its item rows and the
 * event: sections, which items apply and why not, due dates in working days, overdue items,
 * who changed what and when, and progress. Pure: no database, so it is tested by tables and
 * answers offline from what the device holds.
 */
import { doesItemApply, type EventAnswers } from '../shared/catalogue/conditions';
import type { ChecklistTemplate, DatedItemText, EventConditions } from '../shared/catalogue/template';
import { resolveItemText } from '../shared/catalogue/valor-text';
import { computeDueDate, isOverdue } from '../shared/calendar/working-days';
import { settleItemState } from '../shared/checklist-item-state';
import { parseHlc } from '../shared/hlc';
import { RUN_ITEM_ID, type ChecklistItemPatch, type ChecklistItemRow, type ChecklistRunRow } from '../shared/schemas/checklist';
import { t } from '../shared/i18n/checklists';

export { RUN_ITEM_ID } from '../shared/schemas/checklist';

/** Done and total, and the rounded percentage. */
export interface Progress {
  done: number;
  total: number;
  percent: number;
}

/** The last change to an item: when (ISO UTC) and whether this device made it. */
export interface LastChange {
  at: string;
  isThisDevice: boolean;
}

/** One item as shown. */
export interface ItemView {
  id: string;
  text: string;
  hint?: string;
  entry?: string;
  isCustom: boolean;
  /** False when the event's answers rule the item out (it is hidden unless asked). */
  applies: boolean;
  whyNot?: string;
  state: ChecklistItemPatch;
  dueDate: string | null;
  isDueOverridden: boolean;
  isOverdue: boolean;
  lastChange?: LastChange;
}

/** One section as shown. */
export interface SectionView {
  id: string;
  title: string;
  items: ItemView[];
  progress: Progress;
}

/** A whole run as shown. */
export interface ChecklistView {
  runId: string;
  title: string;
  sections: SectionView[];
  progress: Progress;
  hiddenCount: number;
}

// «a, b y c»: the reasons read as one sentence.
const REASONS = new Intl.ListFormat('es', { type: 'conjunction' });

/** Why an item or template does not apply, in words: the first condition the event fails. */
export function explainUnmet(when: EventConditions | undefined, event: EventAnswers): string | undefined {
  if (!when) return undefined;
  if (when.music && !when.music.includes(event.music)) {
    return t(when.music.length === 1 && when.music[0] === 'live' ? 'checklists.unmet.noLiveMusic' : 'checklists.unmet.noMusic');
  }
  if (when.outdoors !== undefined && when.outdoors !== event.outdoors) {
    return t(when.outdoors ? 'checklists.unmet.notOutdoors' : 'checklists.unmet.notIndoors');
  }
  if (when.heritageSite !== undefined && when.heritageSite !== event.heritageSite) {
    return t(when.heritageSite ? 'checklists.unmet.notHeritage' : 'checklists.unmet.heritage');
  }
  if (when.minors !== undefined && when.minors !== event.minors) {
    return t(when.minors ? 'checklists.unmet.noMinors' : 'checklists.unmet.minors');
  }
  if (when.minAudience !== undefined && event.expectedAudience < when.minAudience) {
    return t('checklists.unmet.fewerPeople', { count: when.minAudience });
  }
  if (when.types && !when.types.includes(event.type)) return t('checklists.unmet.otherType');
  return undefined;
}

/** Why a template is proposed, in words: each condition it names that the event meets. */
export function explainProposal(when: EventConditions | undefined, event: EventAnswers): string {
  const reasons: string[] = [];
  if (when?.music) reasons.push(t(event.music === 'live' ? 'checklists.because.liveMusic' : 'checklists.because.recordedMusic'));
  if (when?.outdoors !== undefined) reasons.push(t(when.outdoors ? 'checklists.because.outdoors' : 'checklists.because.indoors'));
  if (when?.heritageSite) reasons.push(t('checklists.because.heritage'));
  if (when?.minors) reasons.push(t('checklists.because.minors'));
  if (when?.minAudience !== undefined) reasons.push(t('checklists.because.audience', { count: when.minAudience }));
  if (when?.types) reasons.push(t('checklists.because.type'));
  return reasons.length ? t('checklists.because', { reasons: REASONS.format(reasons) }) : t('checklists.forEveryEvent');
}

/** Resolved items over items that count (auto-hidden ones do not). */
export function countProgress(items: readonly ItemView[]): Progress {
  const counted = items.filter((item) => item.applies);
  const done = counted.filter((item) => item.state.done === true || item.state.notApplicable === true).length;
  return { done, total: counted.length, percent: counted.length ? Math.round((done / counted.length) * 100) : 0 };
}

function findLastChange(row: ChecklistItemRow | undefined, deviceId: string): LastChange | undefined {
  const stamps = Object.values(row?.fieldHlc ?? {}).filter((s): s is string => typeof s === 'string');
  const latest = stamps.sort().at(-1);
  if (!latest) return undefined;
  const parts = parseHlc(latest);
  return { at: new Date(parts.wallMs).toISOString(), isThisDevice: parts.clientId === deviceId };
}

interface ViewContext {
  event: EventAnswers & { startsAt: string };
  rows: Map<string, ChecklistItemRow>;
  today: string;
  deviceId: string;
  /** What every item's view depends on besides its own template item and row (see `reuseItemView`). */
  sharedKey: string;
  /** The last views of this run's items, by item id. */
  cache: Map<string, { key: string; view: ItemView }>;
}

/** The item views of the last few runs on screen, by run id then item id. */
const viewCache = new Map<string, Map<string, { key: string; view: ItemView }>>();
const CACHED_RUNS = 4;

function cacheOfRun(runId: string): Map<string, { key: string; view: ItemView }> {
  let cache = viewCache.get(runId);
  if (cache) {
    viewCache.delete(runId);
  } else {
    cache = new Map();
    if (viewCache.size >= CACHED_RUNS) viewCache.delete(viewCache.keys().next().value!);
  }
  viewCache.set(runId, cache);
  return cache;
}

/**
 * The item's view from the last build when nothing it depends on changed, so a tick rebuilds
 * one item, not 300, and the screen sees the same object for the other 299 (its memo then
 * compares one reference). Keyed by everything `makeItemView` reads: the template item itself,
 * its row, the event's answers, the day and the device.
 */
function reuseItemView(item: Parameters<typeof makeItemView>[0], isCustom: boolean, ctx: ViewContext): ItemView {
  const row = ctx.rows.get(item.id);
  const key = `${ctx.sharedKey}|${isCustom}|${JSON.stringify(item)}|${row ? `${JSON.stringify(row.state)}${JSON.stringify(row.fieldHlc)}` : ''}`;
  const cached = ctx.cache.get(item.id);
  if (cached?.key === key) return cached.view;
  const view = makeItemView(item, isCustom, ctx);
  ctx.cache.set(item.id, { key, view });
  return view;
}

function makeItemView(
  item: {
    id: string; text: string; hint?: string | undefined; dated?: DatedItemText | undefined;
    entry?: string | undefined; dueDays?: number; appliesWhen?: EventConditions | undefined;
  },
  isCustom: boolean,
  ctx: ViewContext,
): ItemView {
  const row = ctx.rows.get(item.id);
  const state = row ? settleItemState(row.state, row.fieldHlc) : {};
  const applies = doesItemApply(item, ctx.event);
  const computed = item.dueDays === undefined ? null : computeDueDate(ctx.event.startsAt, item.dueDays);
  const dueDate = state.dueDate === undefined ? computed : state.dueDate;
  const resolved = state.done === true || state.notApplicable === true;
  const whyNot = applies ? undefined : explainUnmet(item.appliesWhen, ctx.event);
  const lastChange = findLastChange(row, ctx.deviceId);
  // Yearly values (the UIT) as of this year in Lima, even when the template was built last year.
  const { text, hint } = resolveItemText(item, Number(ctx.today.slice(0, 4)));
  return {
    id: item.id, text, isCustom, applies, state, dueDate,
    isDueOverridden: state.dueDate !== undefined,
    isOverdue: applies && !resolved && dueDate !== null && isOverdue(dueDate, ctx.today),
    ...(hint ? { hint } : {}), ...(item.entry ? { entry: item.entry } : {}),
    ...(whyNot ? { whyNot } : {}), ...(lastChange ? { lastChange } : {}),
  };
}

/** Builds the screen's view of one run. `today` is the Lima day; `deviceId` this device's id. */
export function buildChecklistView(
  template: ChecklistTemplate,
  run: ChecklistRunRow,
  rows: readonly ChecklistItemRow[],
  event: EventAnswers & { startsAt: string },
  today: string,
  deviceId: string,
): ChecklistView {
  const answers: EventAnswers & { startsAt: string } = {
    type: event.type, expectedAudience: event.expectedAudience, outdoors: event.outdoors, music: event.music,
    heritageSite: event.heritageSite, minors: event.minors, startsAt: event.startsAt,
  };
  const ctx: ViewContext = {
    event, rows: new Map(rows.map((r) => [r.itemId, r])), today, deviceId,
    sharedKey: `${today}|${deviceId}|${JSON.stringify(answers)}`, cache: cacheOfRun(run.id),
  };
  const sections = template.sections.map((s) => ({ id: s.id, title: s.title, items: s.items.map((i) => reuseItemView(i, false, ctx)) }));
  for (const custom of run.customItems) {
    let section = sections.find((s) => s.title === custom.section);
    if (!section) {
      section = { id: `custom-${sections.length}`, title: custom.section, items: [] };
      sections.push(section);
    }
    section.items.push(reuseItemView({ id: custom.itemId, text: custom.text }, true, ctx));
  }
  const withProgress = sections.map((s) => ({ ...s, progress: countProgress(s.items) }));
  const all = withProgress.flatMap((s) => s.items);
  return {
    runId: run.id, title: template.title, sections: withProgress,
    progress: countProgress(all), hiddenCount: all.filter((i) => !i.applies).length,
  };
}

/** Whether the run was set aside ("quitada") through its reserved row. */
export function isRunRemoved(rows: readonly ChecklistItemRow[]): boolean {
  return rows.find((r) => r.itemId === RUN_ITEM_ID)?.state.notApplicable === true;
}

/** Whether the run has any item touched by a person (removing it then needs a confirmation). */
export function isRunStarted(rows: readonly ChecklistItemRow[]): boolean {
  return rows.some((r) => r.itemId !== RUN_ITEM_ID && Object.keys(r.state).length > 0);
}
