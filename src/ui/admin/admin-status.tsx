import type { AdminLoad } from '../../state/admin-model';
import { AlertNote } from '../shell/alert-note';
import { OfflineNote } from '../shell/online-only';
import { Icon } from '../shell/icons';
import { t } from '../../shared/i18n/admin';

/** «Necesita conexión», plainly, while the phone is offline (announced politely). */
export function AdminOfflineNote() {
  return <OfflineNote text={t('admin.offline')} />;
}

/** Where a read of the server stands: loading, offline, or failed with a way to try again. */
export function AdminLoadStatus({ load, onRetry }: { load: AdminLoad; onRetry(): void }) {
  if (load.kind === 'loading') return <p class="note note--pending" role="status">{t('admin.loading')}</p>;
  if (load.kind === 'offline') return <AlertNote icon="offline">{t('admin.offline')}</AlertNote>;
  if (load.kind !== 'failed') return null;
  return (
    <>
      <AlertNote>{t('admin.failed', { message: load.message })}</AlertNote>
      <button type="button" class="button button--secondary" onClick={onRetry}>{t('admin.retry')}</button>
    </>
  );
}

/** The answer to the person's last action: done (polite) or refused (alert). */
export type ActionNote = { tone: 'done' | 'refused'; text: string } | null;

/** Shows an ActionNote in a live region, so a screen reader hears the result where it happened. */
export function ActionNoteLine({ note }: { note: ActionNote }) {
  if (!note) return null;
  if (note.tone === 'refused') return <AlertNote>{note.text}</AlertNote>;
  return <p class="note note--done" role="status"><Icon name="upToDate" /><span>{note.text}</span></p>;
}
