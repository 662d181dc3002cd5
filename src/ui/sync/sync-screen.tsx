import { useSignal } from '@preact/signals';
import { buildExportFileName, discardRejected, exportPending, exportRejected, importChanges, retryRejected } from '../../state/changes-file-model';
import {
  isReloadNeeded,
  pendingCount,
  rejectedChanges,
  shouldWarnUnpersisted,
  syncNow,
  syncProgress,
  syncStatus,
} from '../../state/sync-model';
import { describeChange } from './describe-change';
import { changeNames } from '../../state/change-names-model';
import { formatDateTime } from '../../shared/calendar/lima-dates';
import { SyncPanel, type Notice, type RejectedItemView } from './sync-panel';
import './sync.css';
import { t } from '../../shared/i18n/sync';
import { downloadBlob } from '../shell/download';

/** Más → Sincronización: a thin container that reads the sync model and hands plain values to SyncPanel. */
export function SyncScreen() {
  const notice = useSignal<Notice | null>(null);
  const isBusy = useSignal(false);
  const status = syncStatus.value;

  async function run(action: () => Promise<string | null>) {
    try {
      const message = await action();
      notice.value = message ? { kind: 'info', message } : null;
    } catch (error) {
      notice.value = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  async function handleSyncNow() {
    isBusy.value = true;
    await run(async () => {
      await syncNow();
      return null;
    });
    isBusy.value = false;
  }

  const names = changeNames.value;
  const rejected: RejectedItemView[] = rejectedChanges.value.map((row) => ({
    id: row.id ?? 0,
    summary: describeChange(row, names),
    reason: row.message,
    madeAt: formatDateTime(row.createdAt),
    isExported: row.exportedAt !== undefined,
  }));

  return (
    <SyncPanel
      pending={pendingCount.value}
      status={{ ...status, lastSyncedAt: status.lastSyncedAt ? formatDateTime(status.lastSyncedAt) : null }}
      progress={syncProgress.value}
      isBusy={isBusy.value || status.phase === 'syncing'}
      rejected={rejected}
      showStorageWarning={shouldWarnUnpersisted.value}
      isReloadNeeded={isReloadNeeded.value}
      notice={notice.value}
      onSyncNow={() => void handleSyncNow()}
      onRetry={(id) => void run(async () => (await retryRejected(id), null))}
      onDiscard={(id) => void run(async () => (await discardRejected(id), null))}
      onExportRejected={() =>
        void run(async () => {
          const name = buildExportFileName('rechazados');
          downloadBlob(await exportRejected(), name);
          return t('sync.exported', { name });
        })
      }
      onExportPending={() =>
        void run(async () => {
          const name = buildExportFileName('pendientes');
          downloadBlob(await exportPending(), name);
          return t('sync.exported', { name });
        })
      }
      onImport={(file) =>
        void run(async () => {
          const result = await importChanges(file);
          return t('sync.imported', { queued: result.queued, skipped: result.skipped });
        })
      }
    />
  );
}
