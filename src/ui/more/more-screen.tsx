import { currentUser } from '../../state/session-model';
import { ScreenHeader } from '../shell/screen-header';
import { Icon, type IconName } from '../shell/icons';
import './more.css';
import { t, type MessageKey } from '../../shared/i18n/more';

const LINKS: ReadonlyArray<{ href: string; label: MessageKey; hint: MessageKey; icon: IconName }> = [
  { href: '/mas/almacenamiento', label: 'more.storage', hint: 'more.storage.hint', icon: 'storage' },
  { href: '/mas/sincronizacion', label: 'more.sync', hint: 'more.sync.hint', icon: 'syncing' },
  { href: '/mas/cuenta', label: 'more.account', hint: 'more.account.hint', icon: 'user' },
  { href: '/mas/acerca', label: 'more.about', hint: 'more.about.hint', icon: 'info' },
];
/** Only a coordinador publishes the catalogue, so only they see the way in. */
const EDITOR_LINK = { href: '/mas/editor', label: 'more.editor', hint: 'more.editor.hint', icon: 'catalogue' } as const;

/** Más: storage, sync, account and about, one large row each. */
export function MoreScreen() {
  return (
    <section class="screen">
      <ScreenHeader title={t('more.title')} />
      <ul class="link-list">
        {[...LINKS, ...(currentUser.value?.roles.includes('coordinador') ? [EDITOR_LINK] : [])].map((link) => (
          <li key={link.href}>
            <a href={link.href}>
              <Icon name={link.icon} />
              <span class="link-list__text">
                <span class="link-list__label">{t(link.label)}</span>
                <span class="link-list__hint">{t(link.hint)}</span>
              </span>
              <Icon name="chevron" />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
