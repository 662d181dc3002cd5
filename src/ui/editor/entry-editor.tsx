import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { isOnline } from '../../state/app-model';
import {
  discardDraft, draftPreview, draftSource, editDraft, editorFailure, isDraftRestored, openEditorEntry, openEntry, openNewEntry,
  openStoredDraft, publishDraft, publishState,
} from '../../state/editor-model';
import { Icon } from '../shell/icons';
import { ScreenHeader } from '../shell/screen-header';
import { EntryPreview } from './entry-preview';
import { FaultList } from './fault-list';
import { OfflineNote } from '../shell/online-only';
import { PublishBar } from './publish-bar';
import { VersionHistory } from './version-history';
import { t } from '../../shared/i18n/editor';
import { AlertNote } from '../shell/alert-note';

/** The editor of one entry (`nueva` for a new one): Markdown, faults by line, preview, publish, history. */
export function EntryEditor({ id }: { id: string }) {
  const { route } = useLocation();
  const online = isOnline.value;
  const source = useRef<HTMLTextAreaElement>(null);
  const entry = openEntry.value;
  const isOpen = entry !== null && (entry.id === id || (id === 'nueva' && entry.baseVersion === null));
  useEffect(() => {
    if (id === 'nueva') openNewEntry();
    else if (online) void openEditorEntry(id);
    else openStoredDraft(id);
  }, [id, online]);
  const publish = async () => {
    await publishDraft();
    // A new entry, once published, lives under its own id.
    const published = openEntry.value;
    if (id === 'nueva' && published && published.baseVersion !== null) route(`/mas/editor/${encodeURIComponent(published.id)}`, true);
  };
  const preview = draftPreview.value;
  const failure = editorFailure.value;
  return (
    <section class="screen editor">
      <ScreenHeader title={preview?.entry?.title ?? (id === 'nueva' ? t('editor.new') : id)} back={{ href: '/mas/editor', label: t('editor.back') }} />
      <OfflineNote text={t('editor.offline')} />
      {failure && <AlertNote>{failure}</AlertNote>}
      {!isOpen && online && !failure && <p role="status">{t('editor.loading')}</p>}
      {isOpen && (
        <>
          {isDraftRestored.value && (
            <div class="note note--pending" role="status">
              <Icon name="pending" />
              <span>{t('editor.restored')}</span>
              <button type="button" class="button button--secondary" onClick={() => void discardDraft()}>{t('editor.discard')}</button>
            </div>
          )}
          <label class="editor__label" for="editor-source">{t('editor.source')}</label>
          <p id="editor-source-hint" class="editor__hint">{t('editor.sourceHint')}</p>
          <textarea
            id="editor-source"
            ref={source}
            class="editor__source"
            rows={12}
            lang="es"
            value={draftSource.value}
            aria-describedby="editor-source-hint editor-faults"
            onInput={(e) => editDraft(e.currentTarget.value)}
          />
          <FaultList faults={preview?.faults ?? null} isValid={preview?.entry !== undefined} source={source} />
          <PublishBar canPublish={online && preview?.entry !== undefined} state={publishState.value} onPublish={() => void publish()} />
          {preview?.entry && <EntryPreview entry={preview.entry} />}
          <VersionHistory history={entry.history} canRead={online} />
        </>
      )}
    </section>
  );
}
