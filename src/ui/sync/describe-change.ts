import { t } from '../../shared/i18n/sync';

/** How the sync screen writes times and changes for a person in Peru. */
const LIMA_TIME = new Intl.DateTimeFormat('es-PE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'America/Lima' });

/** An ISO UTC time as a person in Peru reads it: «29 de noviembre de 2026 a las 12:30 p. m.». */
export function formatLimaDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : LIMA_TIME.format(date);
}

/** What a queued or rejected change was, in words a manager recognises. */
export function describeChange(change: { name: string; args: unknown }): string {
  const args = (change.args ?? {}) as { title?: unknown; text?: unknown };
  switch (change.name) {
    case 'event.save':
      return t('sync.change.eventSave', { title: typeof args.title === 'string' ? args.title : '' });
    case 'event.archive':
      return t('sync.change.eventArchive');
    case 'checklist.start':
      return t('sync.change.checklistStart');
    case 'checklist.setItem':
      return t('sync.change.checklistSetItem');
    case 'checklist.addItem':
      return t('sync.change.checklistAddItem', { text: typeof args.text === 'string' ? args.text : '' });
    default:
      return t('sync.change.other', { name: change.name });
  }
}
