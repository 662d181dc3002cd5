import { dismissLostEventEdit, restoreLostEventEdit, type LostEventEdit } from '../../state/event-model';
import { Icon } from '../shell/icons';
import type { Action } from '../shell/use-action';
import { t } from '../../shared/i18n/checklists';
import '../../shared/i18n/events';

const SAID = { title: 'events.lost.title', venue: 'events.lost.venue', fundingSource: 'events.lost.fundingSource' } as const;

/**
 * A title, place or funding source this person wrote that a later edit from another phone
 * replaced: their version, to restore (saved again as an edit of the event) or dismiss. The same
 * note as a checklist item's (checklists/lost-edit-note.tsx), so the two read alike.
 */
export function LostEventEditNote({ edit, act }: { edit: LostEventEdit; act: Action['run'] }) {
  const run = (action: () => Promise<void>) => () => void act(action);
  const said = t(SAID[edit.field], { text: edit.text });
  return (
    <div class="note note--attention lost-edit" role="status">
      <Icon name="attention" />
      <div>
        <p>{said}</p>
        <div class="lost-edit__actions">
          <button type="button" class="button button--secondary" onClick={run(() => restoreLostEventEdit(edit))}>
            {t('checklists.lost.restore')}<span class="visually-hidden"> {edit.text}</span>
          </button>
          <button type="button" class="button button--light" onClick={run(() => dismissLostEventEdit(edit.key))}>
            {t('checklists.lost.dismiss')}<span class="visually-hidden"> {edit.text}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
