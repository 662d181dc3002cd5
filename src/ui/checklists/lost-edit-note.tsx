import type { LostEdit } from '../../state/checklist-screen-model';
import { dismissLostEdit, restoreLostEdit } from '../../state/checklist-model';
import { LostTextNote } from '../shell/lost-text-note';
import { t } from '../../shared/i18n/checklists';

const SAID = { note: 'checklists.lost.note', reason: 'checklists.lost.reason', responsible: 'checklists.lost.responsible' } as const;

/** A note, reason or responsible this person wrote on an item that another phone's later edit replaced. */
export function LostEditNote({ edit, itemText, onFailure }: { edit: LostEdit; itemText: string; onFailure(message: string): void }) {
  return (
    <LostTextNote
      said={t(SAID[edit.field], { text: edit.text })}
      restoreLabel={t('checklists.lost.restore')}
      dismissLabel={t('checklists.lost.dismiss')}
      subject={itemText}
      onRestore={() => restoreLostEdit(edit)}
      onDismiss={() => dismissLostEdit(edit.key)}
      onFailure={onFailure}
    />
  );
}
