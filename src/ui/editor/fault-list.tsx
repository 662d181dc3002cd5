import type { RefObject } from 'preact';
import type { SourceFault } from '../../shared/catalogue/publishing';
import { Icon } from '../shell/icons';
import { t, tn } from '../../shared/i18n/editor';

/** Puts the caret at the start of `line` (1-based) and scrolls the textarea there. */
function goToLine(textarea: HTMLTextAreaElement | null, line: number): void {
  if (!textarea) return;
  const lines = textarea.value.split('\n');
  const offset = lines.slice(0, Math.max(0, line - 1)).reduce((sum, l) => sum + l.length + 1, 0);
  textarea.focus();
  textarea.setSelectionRange(offset, offset + (lines[line - 1]?.length ?? 0));
}

/**
 * The draft's faults next to the editor, each with its line; choosing one selects that line.
 * Announced politely: it changes as the person types, an alert would interrupt every pause.
 */
export function FaultList({ faults, isValid, source }: { faults: SourceFault[] | null; isValid: boolean; source: RefObject<HTMLTextAreaElement | null> }) {
  return (
    <div id="editor-faults" class="editor__faults" aria-live="polite">
      {isValid && (
        <p class="note note--done">
          <Icon name="upToDate" />
          <span>{t('editor.valid')}</span>
        </p>
      )}
      {faults && faults.length > 0 && (
        <div class="note note--attention">
          <Icon name="attention" />
          <div>
            <p>{tn('editor.faults', faults.length)}</p>
            <ul>
              {faults.map((fault, i) => (
                <li key={i}>
                  <button type="button" class="editor__fault" onClick={() => goToLine(source.current, fault.line)}>
                    {t('editor.fault', { line: String(fault.line), message: fault.message })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}
