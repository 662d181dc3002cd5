import { useEffect, useRef, useState } from 'preact/hooks';
import type { PublishState } from '../../state/editor-model';
import { Icon } from '../shell/icons';
import { t } from '../../shared/i18n/editor';
import { AlertNote } from '../shell/alert-note';

/** "Publicar", a confirmation first, then what happened: published, or why not (announced). */
export function PublishBar({ canPublish, state, onPublish }: { canPublish: boolean; state: PublishState; onPublish(): void }) {
  const [isAsking, setAsking] = useState(false);
  const question = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (isAsking) question.current?.focus();
  }, [isAsking]);
  const isBusy = state.kind === 'publishing';
  return (
    <div class="editor__publish">
      {isAsking ? (
        <div class="note note--pending" role="alertdialog" aria-label={t('editor.confirm')} tabIndex={-1} ref={question}>
          <Icon name="pending" />
          <div>
            <p>{t('editor.confirm')}</p>
            <button type="button" class="button button--secondary" onClick={() => setAsking(false)}>{t('editor.cancel')}</button>{' '}
            <button
              type="button"
              class="button"
              onClick={() => {
                setAsking(false);
                onPublish();
              }}
            >
              {t('editor.confirmYes')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="button" disabled={!canPublish || isBusy} onClick={() => setAsking(true)}>
          <Icon name="pending" />
          {isBusy ? t('editor.publishing') : t('editor.publish')}
        </button>
      )}
      {state.kind === 'published' && (
        <p class="note note--done" role="status">
          <Icon name="upToDate" />
          <span>{t('editor.published', { version: String(state.edition) })}</span>
        </p>
      )}
      {state.kind === 'refused' && <AlertNote>{state.message}</AlertNote>}
    </div>
  );
}
