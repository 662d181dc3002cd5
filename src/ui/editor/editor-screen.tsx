import { useLocation } from 'preact-iso';
import { currentUser } from '../../state/session-model';
import { ScreenHeader } from '../shell/screen-header';
import { EntryEditor } from './entry-editor';
import { EntryList } from './entry-list';
import './editor.css';
import { t } from '../../shared/i18n/editor';
import '../../shared/i18n/more';
import { AlertNote } from '../shell/alert-note';

/**
 * Más → Editar catálogo, and `/mas/editor/<id>`: the coordinador's catalogue editor. Other roles
 * see why they cannot use it. It needs a connection; offline it says so and keeps the draft.
 */
export function EditorScreen() {
  const { path } = useLocation();
  const id = path.split('/').filter(Boolean)[2];
  const user = currentUser.value;
  if (!user?.roles.includes('coordinador')) {
    return (
      <section class="screen">
        <ScreenHeader title={t('more.editor')} backToMore />
        <AlertNote icon="shield">{t('editor.onlyCoordinador')}</AlertNote>
        <a class="button button--secondary" href="/mas/cuenta">{t('more.account')}</a>
      </section>
    );
  }
  return id ? <EntryEditor id={decodeURIComponent(id)} /> : <EntryList />;
}
