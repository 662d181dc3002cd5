import { closeVersion, viewedVersion, viewVersion } from '../../state/editor-model';
import type { EntryVersionInfo } from '../../shared/catalogue/publishing';
import { t } from '../../shared/i18n/editor';
import { NamedSection } from '../shell/named-section';
import { formatDateTime } from '../../shared/calendar/lima-dates';


/** Every published version, newest first, each viewable read-only. */
export function VersionHistory({ history, canRead }: { history: EntryVersionInfo[]; canRead: boolean }) {
  const viewed = viewedVersion.value;
  if (history.length === 0) return null;
  return (
    <NamedSection id="editor-history-heading" title={t('editor.history')}>
      <ul class="editor__history">
        {history.map((item) => (
          <li key={item.version}>
            <span>{t('editor.version', { version: String(item.edition), when: formatDateTime(item.publishedAt), who: item.publishedBy })}</span>
            <button type="button" class="button button--secondary" disabled={!canRead} onClick={() => void viewVersion(item.version)}>
              {t('editor.view', { version: String(item.edition) })}
            </button>
          </li>
        ))}
      </ul>
      {viewed && (
        <div class="card">
          <label class="editor__label" for="editor-old-version">{t('editor.viewing', { version: String(viewed.edition) })}</label>
          <textarea id="editor-old-version" class="editor__source" rows={12} readOnly value={viewed.source} />
          <button type="button" class="button button--secondary" onClick={closeVersion}>{t('editor.close')}</button>
        </div>
      )}
    </NamedSection>
  );
}
