import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { askPersistentStorage, formatBytes, refreshStorageReport, storageReport, type StorageReport } from '../../state/storage-model';
import { pendingCount } from '../../state/sync-model';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import './more.css';
import { t } from '../../shared/i18n/more';
import { AlertNote } from '../shell/alert-note';
import { StoragePhotos } from './storage-photos';

type AskState = 'idle' | 'asking' | 'granted' | 'denied';

/** Más → Almacenamiento: space used, whether the browser keeps the data, and a way to ask it to. */
export function StorageScreen() {
  const ask = useSignal<AskState>('idle');
  useEffect(() => {
    void refreshStorageReport();
  }, []);
  const report = storageReport.value;

  async function handleAsk() {
    ask.value = 'asking';
    ask.value = (await askPersistentStorage()) ? 'granted' : 'denied';
  }

  return (
    <section class="screen storage">
      <ScreenHeader title={t('storage.title')} backToMore />
      <p>{t('storage.intro')}</p>
      {report === null ? <p role="status">{t('storage.loading')}</p> : <StorageDetails report={report} pending={pendingCount.value} />}
      <StoragePhotos report={report} />
      {report?.isPersisted === false && report.canAskPersist && (
        <button type="button" class="button" disabled={ask.value === 'asking'} onClick={handleAsk}>
          {ask.value === 'asking' ? t('storage.persist.asking') : t('storage.persist.action')}
        </button>
      )}
      <p role="status" class="storage__answer">
        {ask.value === 'granted' && t('storage.persist.granted')}
        {ask.value === 'denied' && t('storage.persist.denied')}
      </p>
      {report?.isSupported && (
        <button type="button" class="button button--secondary" onClick={() => void refreshStorageReport()}>
          {t('storage.refresh')}
        </button>
      )}
    </section>
  );
}

/** The two facts, each with a title, an icon and a plain sentence. */
function StorageDetails({ report, pending }: { report: StorageReport; pending: number }) {
  if (!report.isSupported) return <p class="note note--attention">{t('storage.unsupported')}</p>;
  const { usageBytes, quotaBytes, isPersisted } = report;
  const hasUsage = usageBytes !== null && quotaBytes !== null;
  return (
    <div class="storage__facts">
      <h2>{t('storage.usage.title')}</h2>
      <p class="storage__usage">
        {hasUsage
          ? t('storage.usage.value', { usage: formatBytes(usageBytes), quota: formatBytes(quotaBytes) })
          : t('storage.usage.unknown')}
      </p>
      <h2>{t('storage.persist.title')}</h2>
      <p class={isPersisted ? 'note note--done' : 'note note--attention'}>
        <Icon name={isPersisted ? 'shieldOk' : 'shield'} />
        <span>{describePersistence(isPersisted)}</span>
      </p>
      {isPersisted === false && pending > 0 && <AlertNote>{t('storage.pendingWarning')}</AlertNote>}
    </div>
  );
}

function describePersistence(isPersisted: boolean | null): string {
  if (isPersisted === null) return t('storage.persist.unknown');
  return isPersisted ? t('storage.persist.yes') : t('storage.persist.no');
}
