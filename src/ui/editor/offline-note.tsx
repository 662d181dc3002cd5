import { isOnline } from '../../state/app-model';
import { Icon } from '../shell/icons';
import { t } from '../../shared/i18n/editor';

/** What the editor's screens say offline: a word and an icon, announced politely. */
export function OfflineNote() {
  if (isOnline.value) return null;
  return (
    <p class="note note--attention" role="status">
      <Icon name="offline" />
      <span>{t('editor.offline')}</span>
    </p>
  );
}
