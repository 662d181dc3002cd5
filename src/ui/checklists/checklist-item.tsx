import { memo } from 'preact/compat';
import type { ChecklistItemPatch } from '../../shared/schemas/checklist';
import type { ItemView } from '../../state/checklist-view-model';
import { formatDateTime, formatDay } from '../../shared/calendar/lima-dates';
import { Icon } from '../shell/icons';
import type { LostEdit } from '../../state/checklist-screen-model';
import { LostEditNote } from './lost-edit-note';
import { ItemPhotos } from './photos/item-photos';
import { t } from '../../shared/i18n/checklists';

interface ItemProps {
  /** The run the item belongs to (its photos are the run's). */
  runId: string;
  item: ItemView;
  /** Who is signed in here: this device's changes are shown as theirs. */
  myName: string;
  /** Whether its details are open; one item at a time, so 300 items hold no state of their own. */
  isOpen: boolean;
  /** Someone else's event: the item is shown, nothing on it can be changed. */
  isReadOnly?: boolean;
  /** This person's texts on the item that a later edit from another phone replaced. */
  lostEdits?: LostEdit[];
  onFailure?(message: string): void;
  onToggle(): void;
  onSave(patch: ChecklistItemPatch): void;
}

const signLost = (edits: LostEdit[] | undefined): string => (edits ?? []).map((e) => `${e.key}|${e.text}`).join('\n');

/** What an item shows; two views with the same signature render the same. */
function signItem(item: ItemView): string {
  return `${item.text}|${JSON.stringify(item.state)}|${item.dueDate}|${item.isOverdue}|${item.applies}|${item.lastChange?.at}|${item.lastChange?.isThisDevice}`;
}

/**
 * One item: the tick, its due date and state in words, and details (n/a, note, responsible,
 * date). Memoised by what it shows, so a tick re-renders one item, not all 300.
 */
export const ChecklistItem = memo(
  ChecklistItemRow,
  (before: ItemProps, after: ItemProps) => before.isOpen === after.isOpen && before.myName === after.myName && before.isReadOnly === after.isReadOnly
    && (before.lostEdits === after.lostEdits || signLost(before.lostEdits) === signLost(after.lostEdits))
    // The view model hands back the same object for an item that did not change (a tick: 299 of 300).
    && (before.item === after.item || signItem(before.item) === signItem(after.item)),
);

function ChecklistItemRow({ runId, item, myName, isOpen, isReadOnly = false, lostEdits = [], onToggle, onSave, onFailure = () => undefined }: ItemProps) {
  const id = `item-${item.id}`;
  const stateClass = item.state.done ? 'is-done' : item.state.notApplicable ? 'is-na' : item.isOverdue ? 'is-overdue' : '';
  if (isReadOnly) {
    return (
      <li class={`checklist__item ${stateClass}`}>
        <p class="checklist__tick checklist__tick--read">{item.text}</p>
        <ItemStatus item={item} />
        <ItemPhotos runId={runId} itemId={item.id} itemText={item.text} isOpen={false} isReadOnly />
      </li>
    );
  }
  return (
    <li class={`checklist__item ${stateClass}`}>
      <label class="form-check checklist__tick">
        <input type="checkbox" id={id} checked={item.state.done === true} onChange={(e) => onSave({ done: e.currentTarget.checked })} />
        <span>{item.text}</span>
      </label>
      <ItemStatus item={item} />
      {lostEdits.map((edit) => <LostEditNote key={edit.key} edit={edit} itemText={item.text} onFailure={onFailure} />)}
      <button type="button" class="checklist__more" aria-expanded={isOpen} aria-controls={`${id}-details`} onClick={onToggle}>
        {t('checklists.details')}<span class="visually-hidden"> {item.text}</span>
      </button>
      {isOpen && <ItemDetails id={id} item={item} myName={myName} onSave={onSave} />}
      <ItemPhotos runId={runId} itemId={item.id} itemText={item.text} isOpen={isOpen} isReadOnly={false} />
    </li>
  );
}

function ItemStatus({ item }: { item: ItemView }) {
  return (
    <p class="checklist__status">
      {item.state.done && <span class="tag tag--done"><Icon name="upToDate" />{t('checklists.state.done')}</span>}
      {item.state.notApplicable && <span class="tag"><Icon name="info" />{t('checklists.state.na')}{item.state.reason ? `: ${item.state.reason}` : ''}</span>}
      {!item.applies && <span class="tag"><Icon name="info" />{t('checklists.autoNa', { why: item.whyNot ?? '' })}</span>}
      {item.isOverdue && <span class="tag tag--overdue"><Icon name="attention" />{t('checklists.state.overdue')}</span>}
      {item.dueDate && <span>{t('checklists.due', { date: formatDay(item.dueDate) })}</span>}
      {item.state.responsible && <span>{t('checklists.responsibleIs', { name: item.state.responsible })}</span>}
      {item.state.note && <span class="checklist__note">{item.state.note}</span>}
    </p>
  );
}

function describeWho(item: ItemView, myName: string): string {
  if (!item.lastChange) return '';
  const when = formatDateTime(item.lastChange.at);
  if (!item.lastChange.isThisDevice) return t('checklists.changedElsewhere', { when });
  return myName ? t('checklists.changedByMe', { name: myName, when }) : t('checklists.changedHere', { when });
}

function ItemDetails({ id, item, myName, onSave }: { id: string; item: ItemView; myName: string; onSave(patch: ChecklistItemPatch): void }) {
  const who = describeWho(item, myName);
  return (
    <div id={`${id}-details`} class="checklist__details form-controls">
      {item.hint && <p class="checklist__hint">{item.hint}</p>}
      <label class="form-check">
        <input type="checkbox" checked={item.state.notApplicable === true} onChange={(e) => onSave({ notApplicable: e.currentTarget.checked })} />
        <span>{t('checklists.na')}</span>
      </label>
      <label for={`${id}-reason`}>{t('checklists.reason')}</label>
      <input id={`${id}-reason`} type="text" value={item.state.reason ?? ''} onChange={(e) => onSave({ reason: e.currentTarget.value })} />
      <label for={`${id}-note`}>{t('checklists.note')}</label>
      <textarea id={`${id}-note`} rows={2} value={item.state.note ?? ''} onChange={(e) => onSave({ note: e.currentTarget.value })} />
      <label for={`${id}-responsible`}>{t('checklists.responsible')}</label>
      <input id={`${id}-responsible`} type="text" value={item.state.responsible ?? ''} onChange={(e) => onSave({ responsible: e.currentTarget.value })} />
      <label for={`${id}-due`}>{t('checklists.dueDate')}</label>
      <input id={`${id}-due`} type="date" value={item.dueDate ?? ''} onChange={(e) => onSave({ dueDate: e.currentTarget.value || null })} />
      {item.isDueOverridden && (
        <button type="button" class="button button--light" onClick={() => onSave({ dueDate: null })}>{t('checklists.clearDue')}</button>
      )}
      {who && <p class="checklist__who">{who}</p>}
    </div>
  );
}
