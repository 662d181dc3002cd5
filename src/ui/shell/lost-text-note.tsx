import { Icon } from './icons';

/**
 * A text this person wrote that a later edit from another phone replaced (a checklist note, an
 * event's title, a correction to a record): what happened, and two buttons — restore their
 * version as a new edit, or dismiss it. `subject` names what the buttons act on for screen readers.
 * Nothing disappears without a trace; the three kinds read alike because they are this one note.
 */
export function LostTextNote({ said, restoreLabel, dismissLabel, subject, onRestore, onDismiss }: {
  said: string;
  restoreLabel: string;
  dismissLabel: string;
  subject: string;
  onRestore(): void;
  onDismiss(): void;
}) {
  return (
    <div class="note note--attention lost-edit" role="status">
      <Icon name="attention" />
      <div>
        <p>{said}</p>
        <div class="lost-edit__actions">
          <button type="button" class="button button--secondary" onClick={onRestore}>
            {restoreLabel}<span class="visually-hidden"> {subject}</span>
          </button>
          <button type="button" class="button button--light" onClick={onDismiss}>
            {dismissLabel}<span class="visually-hidden"> {subject}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
