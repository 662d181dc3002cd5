import { t } from '../../shared/i18n/sync';

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
