import { dismissLostAttendanceEdit, restoreLostAttendanceEdit, type LostAttendanceEdit } from '../../state/attendance-lost-edits-model';
import { Icon } from '../shell/icons';
import { t } from '../../shared/i18n/workshops';

const SAID = {
  fullName: 'roster.lost.fullName', entityName: 'roster.lost.entityName', email: 'roster.lost.email',
  phone: 'roster.lost.phone', documentNumber: 'roster.lost.documentNumber', position: 'roster.lost.position',
} as const;

/**
 * A correction this person made to a record that a later correction from another phone replaced:
 * their version, to restore (a new correction) or dismiss. Reads like a checklist item's note.
 */
export function LostAttendanceEditNote({ edit, name, onFailure }: { edit: LostAttendanceEdit; name: string; onFailure(message: string): void }) {
  const run = (action: () => Promise<void>) => () => void action().catch((error: unknown) => onFailure(error instanceof Error ? error.message : String(error)));
  return (
    <div class="note note--attention lost-edit" role="status">
      <Icon name="attention" />
      <div>
        <p>{t(SAID[edit.field], { text: edit.text })}</p>
        <div class="lost-edit__actions">
          <button type="button" class="button button--secondary" onClick={run(() => restoreLostAttendanceEdit(edit))}>
            {t('roster.lost.restore')}<span class="visually-hidden"> {name}</span>
          </button>
          <button type="button" class="button button--light" onClick={run(() => dismissLostAttendanceEdit(edit.key))}>
            {t('roster.lost.dismiss')}<span class="visually-hidden"> {name}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
