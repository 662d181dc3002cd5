import type { ComponentType } from 'preact';
import { useLocation } from 'preact-iso';
import { currentUser } from '../../state/session-model';
import { AlertNote } from '../shell/alert-note';
import { LinkRow } from '../shell/link-row';
import { ScreenHeader } from '../shell/screen-header';
import { AccountsPanel } from './accounts-panel';
import { ActivityPanel } from './activity-panel';
import { AdminOfflineNote } from './admin-status';
import { ErasurePanel } from './erasure-panel';
import { ExportsPanel } from './exports-panel';
import './admin.css';
import { t, type MessageKey } from '../../shared/i18n/admin';
import '../../shared/i18n/more';

/** The parts of Administración, each its own sub-path of `/mas/administracion`. */
const PARTS: ReadonlyArray<{ slug: string; label: MessageKey; hint: MessageKey; Panel: ComponentType }> = [
  { slug: 'cuentas', label: 'admin.accounts', hint: 'admin.accounts.hint', Panel: AccountsPanel },
  { slug: 'sincronizacion', label: 'admin.activity', hint: 'admin.activity.hint', Panel: ActivityPanel },
  { slug: 'supresion', label: 'admin.erasure', hint: 'admin.erasure.hint', Panel: ErasurePanel },
  { slug: 'exportaciones', label: 'admin.exports', hint: 'admin.exports.hint', Panel: ExportsPanel },
];

/**
 * Más → Administración (coordinación): its four parts as rows, each opening its own screen.
 * Online only (the server holds all of it); other roles are told it is not theirs — the server
 * refuses them anyway.
 */
export function AdminScreen() {
  const { path } = useLocation();
  const slug = path.split('/').filter(Boolean)[2];
  const part = PARTS.find((p) => p.slug === slug);
  if (!currentUser.value?.roles.includes('coordinador')) {
    return (
      <section class="screen">
        <ScreenHeader title={t('admin.title')} backToMore />
        <AlertNote icon="shield">{t('admin.onlyCoordinador')}</AlertNote>
        <a class="button button--secondary" href="/mas/cuenta">{t('more.account')}</a>
      </section>
    );
  }
  if (part) {
    return (
      <section class="screen admin">
        <ScreenHeader title={t(part.label)} back={{ href: '/mas/administracion', label: t('admin.title') }} />
        <part.Panel />
      </section>
    );
  }
  return (
    <section class="screen admin">
      <ScreenHeader title={t('admin.title')} backToMore />
      <AdminOfflineNote />
      <ul class="link-list">
        {PARTS.map((p) => <LinkRow key={p.slug} href={`/mas/administracion/${p.slug}`} label={t(p.label)} hint={t(p.hint)} />)}
      </ul>
    </section>
  );
}
