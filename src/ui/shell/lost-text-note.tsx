import { Icon } from './icons';

/**
 * A text this person wrote that a later edit from another phone replaced (a checklist note, an
 * event's title, a correction to a record): what happened, and two buttons — restore their
 * version as a new edit, or dismiss it. `subject` names what the buttons act on for screen readers.
 * Nothing disappears without a trace; the three kinds read alike because they are this one note.
 * What an action throws goes to `onFailure` as its Spanish message (a screen whose actions report
 * their own failures, through useAction, passes none).
 */
export function LostTextNote({ said, restoreLabel, dismissLabel, subject, onRestore, onDismiss, onFailure }: {
  said: string;
  restoreLabel: string;
  dismissLabel: string;
  subject: string;
  onRestore(): Promise<void>;
  onDismiss(): Promise<void>;
  onFailure?(message: string): void;
}) {
  const run = (action: () => Promise<void>) => () =>
    void action().catch((error: unknown) => onFailure?.(error instanceof Error ? error.message : String(error)));
  return (
    <div class="note note--attention lost-edit" role="status">
      <Icon name="attention" />
      <div>
        <p>{said}</p>
        <div class="lost-edit__actions">
          <button type="button" class="button button--secondary" onClick={run(onRestore)}>
            {restoreLabel}<span class="visually-hidden"> {subject}</span>
          </button>
          <button type="button" class="button button--light" onClick={run(onDismiss)}>
            {dismissLabel}<span class="visually-hidden"> {subject}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
