import { dismissLostAttendanceEdit, restoreLostAttendanceEdit, type LostAttendanceEdit } from '../../state/attendance-lost-edits-model';
import { LostTextNote } from '../shell/lost-text-note';
import { t } from '../../shared/i18n/workshops';

const SAID = {
  fullName: 'roster.lost.fullName', entityName: 'roster.lost.entityName', email: 'roster.lost.email',
  phone: 'roster.lost.phone', documentNumber: 'roster.lost.documentNumber', position: 'roster.lost.position',
} as const;

/** A correction this person made to a record that a later correction from another phone replaced. */
export function LostAttendanceEditNote({ edit, name, onFailure }: { edit: LostAttendanceEdit; name: string; onFailure(message: string): void }) {
  return (
    <LostTextNote
      said={t(SAID[edit.field], { text: edit.text })}
      restoreLabel={t('roster.lost.restore')}
      dismissLabel={t('roster.lost.dismiss')}
      subject={name}
      onRestore={() => restoreLostAttendanceEdit(edit)}
      onDismiss={() => dismissLostAttendanceEdit(edit.key)}
      onFailure={onFailure}
    />
  );
}
