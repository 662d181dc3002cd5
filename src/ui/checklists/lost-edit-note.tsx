import type { LostEdit } from '../../state/checklist-screen-model';
import { dismissLostEdit, restoreLostEdit } from '../../state/checklist-model';
import { Icon } from '../shell/icons';
import { t } from '../../shared/i18n/checklists';

const SAID = { note: 'checklists.lost.note', reason: 'checklists.lost.reason', responsible: 'checklists.lost.responsible' } as const;

/**
 * A text this person wrote that a later edit from another phone replaced: shown on the item with
 * their version, to restore (a new edit) or dismiss. Nothing disappears without a trace.
 */
export function LostEditNote({ edit, itemText, onFailure }: { edit: LostEdit; itemText: string; onFailure(message: string): void }) {
  const run = (action: () => Promise<void>) => () => void action().catch((error: unknown) => onFailure(error instanceof Error ? error.message : String(error)));
  return (
    <div class="note note--attention lost-edit" role="status">
      <Icon name="attention" />
      <div>
        <p>{t(SAID[edit.field], { text: edit.text })}</p>
        <div class="lost-edit__actions">
          <button type="button" class="button button--secondary" onClick={run(() => restoreLostEdit(edit))}>
            {t('checklists.lost.restore')}<span class="visually-hidden"> {itemText}</span>
          </button>
          <button type="button" class="button button--light" onClick={run(() => dismissLostEdit(edit.key))}>
            {t('checklists.lost.dismiss')}<span class="visually-hidden"> {itemText}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
