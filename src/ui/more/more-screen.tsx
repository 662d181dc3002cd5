import { currentUser } from '../../state/session-model';
import { ScreenHeader } from '../shell/screen-header';
import type { IconName } from '../shell/icons';
import { LinkRow } from '../shell/link-row';
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
/** The national figures are coordinación's too (the server answers 403 to anyone else). */
const NATIONAL_LINK = { href: '/mas/panorama', label: 'more.national', hint: 'more.national.hint', icon: 'map' } as const;

/** Accounts, devices, erasure and the export log: coordinación's too (#11). */
const ADMIN_LINK = { href: '/mas/administracion', label: 'more.admin', hint: 'more.admin.hint', icon: 'shield' } as const;

/** Más: storage, sync, account and about, one large row each; the editor, the national view and Administración for coordinación. */
export function MoreScreen() {
  return (
    <section class="screen">
      <ScreenHeader title={t('more.title')} />
      <ul class="link-list">
        {[...LINKS, ...(currentUser.value?.roles.includes('coordinador') ? [EDITOR_LINK, NATIONAL_LINK, ADMIN_LINK] : [])].map((link) => (
          <LinkRow key={link.href} href={link.href} icon={link.icon} label={t(link.label)} hint={t(link.hint)} />
        ))}
      </ul>
    </section>
  );
}
