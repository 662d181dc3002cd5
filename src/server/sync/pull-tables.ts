import type { PullScope } from '../../shared/protocol';
import type { ChecklistItemRow, ChecklistRunRow } from '../../shared/schemas/checklist';
import type { EventRow } from '../../shared/schemas/event';
import type { WorkshopLeadRow } from '../../shared/schemas/workshop';
import type { AuthUser } from '../auth/sessions';
import { toPlaceRow } from '../places/places-store';
import type { ChecklistItemsTable, ChecklistRunsTable, EventsTable, WorkshopsTable } from '../store/schema';
import { readJson } from '../store/json';
import { toChecklistPhotoRow } from './handlers/checklist-photos';
import { toAttendanceRow } from '../workshops/attendance-handlers';
import { toCertificateRow } from '../workshops/certificate-handlers';
import { toProposalRow } from '../workshops/attendance-proposals';
import { toFeedbackRow, toFeedbackWaitingRow } from '../workshops/feedback-handler';
import { isWorkshopTeamOrCoordinador } from '../workshops/pull-visibility';
import { readTeam } from '../workshops/workshop-team';
import { toWorkshopRow } from '../workshops/workshop-store';
import type { Visibility } from './visibility';


/** One table devices pull: where it lives, who sees which rows, and the row shape they get. */
export interface PullTable {
  /** The name devices see in `change.table`. */
  name: string;
  scope: PullScope;
  /** The stored table; it needs `id`, `version` (from nextVersion) and `deleted` columns. */
  table: string;
  visibility(caller: AuthUser | undefined): Visibility;
  /** The table has the no-echo columns (`echo_client`, `echo_version`, migration 970; sync/echo.ts). */
  hasEcho?: true;
  /** Rows this pull never carries (`column = value`), served elsewhere. */
  exclude?: { column: string; value: string };
  // The stored row type differs per table; each entry converts its own.
  toRow(stored: any): unknown;
  /** The row for a device that pulls lean (`lean=1`): what it can derive itself left out. */
  toLeanRow?(row: unknown): unknown;
}

/** Catalogue rules: server-authored rows, readable by anyone, with or without an account. */
export const isPublic = (): Visibility => ({ kind: 'all' });

/** A catalogue row (entry or template) as stored: its compiled JSON. */
const readCatalogueRow = (stored: { row: string }): unknown => readJson(stored.row);

/** An entry without `searchText`: a lean device derives it from title, summary and body (#12). */
function withoutSearchText(row: unknown): unknown {
  const { searchText: _derived, ...rest } = row as { searchText?: string };
  return rest;
}

/** User rules: a coordinador sees everything, everyone else their own rows (workshops have their own rule, below). */
export function ownRowsOrAll(column = 'owner_id') {
  return (caller: AuthUser | undefined): Visibility => {
    if (!caller) return { kind: 'none' };
    if (caller.roles.includes('coordinador')) return { kind: 'all' };
    return { kind: 'owner', column, userId: caller.id };
  };
}

function toEventRow(stored: EventsTable): EventRow {
  return {
    ...readJson<Omit<EventRow, 'id' | 'ownerId' | 'archived' | 'updatedAt' | 'fieldHlc'>>(stored.data),
    id: stored.id,
    ownerId: stored.owner_id,
    archived: stored.archived === 1,
    updatedAt: stored.updated_at,
    // Devices tell their own edits from others' by it (a losing text is kept, issue 9).
    fieldHlc: readJson(stored.field_hlc),
  };
}

/** A workshop's lead as its owner's (or coordinación's) devices pull it: `WorkshopLeadRow`. */
function toWorkshopLead(stored: WorkshopsTable): WorkshopLeadRow {
  return { id: stored.id, ownerId: stored.owner_id, cofacilitatorIds: readTeam(stored) };
}

function toChecklistRunRow(stored: ChecklistRunsTable): ChecklistRunRow {
  return {
    id: stored.id,
    eventId: stored.event_id,
    templateId: stored.template_id,
    templateVersion: stored.template_version,
    ownerId: stored.owner_id,
    customItems: readJson(stored.custom_items),
    updatedAt: stored.updated_at,
  };
}

function toChecklistItemRow(stored: ChecklistItemsTable): ChecklistItemRow {
  return {
    runId: stored.run_id,
    itemId: stored.item_id,
    state: readJson(stored.state),
    fieldHlc: readJson(stored.field_hlc),
    updatedAt: stored.updated_at,
  };
}

/**
 * Every pulled table. A new one (entries, templates, workshops) is one more entry here: its
 * table needs `id`, `version` (from nextVersion) and `deleted` columns.
 */
export const PULL_TABLES: readonly PullTable[] = [
  // Districts come per region when first needed (routes/places.ts), not in the first download.
  { name: 'places', scope: 'catalogue', table: 'places', visibility: isPublic, toRow: toPlaceRow, exclude: { column: 'level', value: 'district' } },
  // Catalogue rows are stored as their compiled JSON (src/server/catalogue): exactly Entry and ChecklistTemplate.
  { name: 'entries', scope: 'catalogue', table: 'catalogue_entries', visibility: isPublic, toRow: readCatalogueRow, toLeanRow: withoutSearchText },
  { name: 'checklistTemplates', scope: 'catalogue', table: 'catalogue_templates', visibility: isPublic, toRow: readCatalogueRow },
  { name: 'events', scope: 'user', table: 'events', visibility: ownRowsOrAll(), toRow: toEventRow, hasEcho: true },
  { name: 'checklistRuns', scope: 'user', table: 'checklist_runs', visibility: ownRowsOrAll(), toRow: toChecklistRunRow, hasEcho: true },
  { name: 'checklistItems', scope: 'user', table: 'checklist_items', visibility: ownRowsOrAll(), toRow: toChecklistItemRow, hasEcho: true },
  // Photos of checklist items (#13): the event's owner (owner_id is the run's) and coordinación.
  { name: 'checklistPhotos', scope: 'user', table: 'checklist_photos', visibility: ownRowsOrAll(), toRow: toChecklistPhotoRow, hasEcho: true },
  // RED workshops: the programme is public; attendance and feedback only for the workshop's team and coordinadores.
  { name: 'workshops', scope: 'catalogue', table: 'workshops', visibility: isPublic, toRow: toWorkshopRow },
  // Who leads a workshop and its co-facilitadores, for its team (coordinación sees all): the
  // device offers «Editar taller» and the workshop's tools by the rules the server refuses by. Never anonymous.
  { name: 'workshopLeads', scope: 'user', table: 'workshops', visibility: isWorkshopTeamOrCoordinador('id'), toRow: toWorkshopLead },
  { name: 'attendance', scope: 'user', table: 'attendance', visibility: isWorkshopTeamOrCoordinador(), toRow: toAttendanceRow },
  { name: 'attendanceProposals', scope: 'user', table: 'attendance_proposals', visibility: isWorkshopTeamOrCoordinador(), toRow: toProposalRow },
  { name: 'feedback', scope: 'user', table: 'feedback', visibility: isWorkshopTeamOrCoordinador(), toRow: toFeedbackRow },
  // How many opinions wait to be released in a group (feedback-release.ts): a count, never the answers.
  { name: 'feedbackWaiting', scope: 'user', table: 'feedback_waiting', visibility: isWorkshopTeamOrCoordinador('id'), toRow: toFeedbackWaitingRow },
  // Constancias: the workshop's staff; anyone else verifies one code at a time (routes/certificates.ts).
  { name: 'certificates', scope: 'user', table: 'certificates', visibility: isWorkshopTeamOrCoordinador(), toRow: toCertificateRow },
];
