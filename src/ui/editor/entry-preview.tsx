import type { Entry } from '../../shared/catalogue';
import { Blocks } from '../catalogue/entry-blocks';
// The reader's own styles, so the preview looks as the entry will.
import '../catalogue/catalogue.css';
import { t } from '../../shared/i18n/editor';

/** The draft as readers will see it, drawn by the reader's own block renderer. */
export function EntryPreview({ entry }: { entry: Entry }) {
  return (
    <section class="editor__preview" aria-labelledby="editor-preview-heading">
      <h2 id="editor-preview-heading">{t('editor.preview')}</h2>
      <div class="card entry-body">
        <p class="editor__preview-title">{entry.title}</p>
        <p class="lead">{entry.summary}</p>
        <Blocks blocks={entry.body} />
      </div>
    </section>
  );
}
