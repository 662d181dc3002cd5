import { editorEntries, editorFailure, loadEditorEntries } from '../../state/editor-model';
import { ScreenHeader } from '../shell/screen-header';
import { LinkRow } from '../shell/link-row';
import { t } from '../../shared/i18n/editor';
import '../../shared/i18n/more';
import { AlertNote } from '../shell/alert-note';
import { OfflineNote, useLoadWhileOnline } from '../shell/online-only';

/** Every entry on the server, by title, each opening the editor; and "Nueva entrada". */
export function EntryList() {
  const online = useLoadWhileOnline(loadEditorEntries);
  const entries = editorEntries.value;
  const failure = editorFailure.value;
  return (
    <section class="screen">
      <ScreenHeader title={t('more.editor')} backToMore />
      <OfflineNote text={t('editor.offline')} />
      {failure && <AlertNote>{failure}</AlertNote>}
      <a class="button" href="/mas/editor/nueva">{t('editor.new')}</a>
      {entries === null && online && !failure && <p role="status">{t('editor.loading')}</p>}
      {entries && (
        <ul class="link-list">
          {entries.map((entry) => (
            <LinkRow
              key={entry.id}
              href={`/mas/editor/${encodeURIComponent(entry.id)}`}
              label={entry.title}
              hint={t('editor.listHint', { id: entry.id, version: String(entry.edition) })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
