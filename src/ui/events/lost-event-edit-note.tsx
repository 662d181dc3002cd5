import { dismissLostEventEdit, restoreLostEventEdit, type LostEventEdit } from '../../state/event-model';
import { LostTextNote } from '../shell/lost-text-note';
import type { Action } from '../shell/use-action';
import { t } from '../../shared/i18n/checklists';
import '../../shared/i18n/events';

const SAID = { title: 'events.lost.title', venue: 'events.lost.venue', fundingSource: 'events.lost.fundingSource' } as const;

/** A title, place or funding source this person wrote that a later edit from another phone replaced. */
export function LostEventEditNote({ edit, act }: { edit: LostEventEdit; act: Action['run'] }) {
  return (
    <LostTextNote
      said={t(SAID[edit.field], { text: edit.text })}
      restoreLabel={t('checklists.lost.restore')}
      dismissLabel={t('checklists.lost.dismiss')}
      subject={edit.text}
      onRestore={() => act(() => restoreLostEventEdit(edit))}
      onDismiss={() => act(() => dismissLostEventEdit(edit.key))}
    />
  );
}
