/**
 * Proposed corrections on the attendance screen: a self check-in that matched someone already
 * listed changed nothing; what it carried that differs waits here for the facilitador. Accepting
 * is their own correction (`attendance.update`, last writer wins like any other) and then closing
 * the proposal; dismissing only closes it. Both work offline and reach the server in order.
 */
import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { listProposals, type LocalProposal } from '../db/attendance-proposals-store';
import { recordMutation } from '../db/record-mutation';
import { regionName } from '../shared/places/regions';
import type { AttendancePerson } from '../shared/schemas/attendance';
import { t } from '../shared/i18n/workshops';
import { DOCUMENT_LABELS, ENTITY_LABELS, LEVEL_LABELS } from './attendance-report-model';
import { keyedLiveSignal } from './live-signal';
import { updateAttendance } from './attendance-model';

export type { LocalProposal };

/** The open proposals of a workshop, oldest first, following the device's copy. */
export const watchProposals: (workshopId: string) => ReadonlySignal<LocalProposal[]> = keyedLiveSignal(
  (workshopId) => listProposals(getDatabases().user, workshopId),
  [],
);

/** One proposed change, as the screen shows it: the field's name, what the record says and what was proposed. */
export interface ProposedChange {
  field: keyof AttendancePerson;
  label: string;
  current: string;
  proposed: string;
}

/** A field's value in words («DNI», «Municipalidad distrital», «Ayacucho»); empty when not given. */
function describeValue(field: keyof AttendancePerson, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (field === 'documentType') return DOCUMENT_LABELS[value as keyof typeof DOCUMENT_LABELS] ?? String(value);
  if (field === 'entityType') return ENTITY_LABELS[value as keyof typeof ENTITY_LABELS] ?? String(value);
  if (field === 'governmentLevel') return LEVEL_LABELS[value as keyof typeof LEVEL_LABELS] ?? String(value);
  if (field === 'regionCode') return regionName(String(value)) ?? String(value);
  return String(value);
}

/** The proposal's changes against the record as the device holds it now. */
export function describeChanges(proposal: LocalProposal, current: Partial<AttendancePerson> | undefined): ProposedChange[] {
  return (Object.keys(proposal.patch) as (keyof AttendancePerson)[]).map((field) => ({
    field,
    label: t(`attendance.field.${field}`),
    current: describeValue(field, current?.[field]),
    proposed: describeValue(field, proposal.patch[field]),
  }));
}

/** Accepts a proposal: the facilitador's own correction of the record, then the proposal closes. */
export async function acceptProposal(proposal: LocalProposal): Promise<void> {
  await updateAttendance(proposal.attendanceId, proposal.patch);
  await recordMutation(getDatabases().user, 'attendance.closeProposal', { id: proposal.id, outcome: 'accepted' });
}

/** Dismisses a proposal: the record stays as it is. */
export async function dismissProposal(proposal: LocalProposal): Promise<void> {
  await recordMutation(getDatabases().user, 'attendance.closeProposal', { id: proposal.id, outcome: 'dismissed' });
}
