import { photoStorage } from '../../state/photos/photo-model';
import { formatBytes, type StorageReport } from '../../state/storage-model';
import { AlertNote } from '../shell/alert-note';
import { t, tn } from '../../shared/i18n/more';

/** Above this share of the quota the screen warns (photos are what fills a phone). */
export const NEAR_QUOTA_SHARE = 0.8;

/** Whether the browser's estimate says Tinkuy is close to its quota. */
export function isNearQuota(report: StorageReport | null): boolean {
  if (!report?.usageBytes || !report.quotaBytes) return false;
  return report.usageBytes / report.quotaBytes >= NEAR_QUOTA_SHARE;
}

/**
 * How much the photos take on this phone, a warning before the quota runs out, and one while photos
 * that exist only here sit in storage the browser may evict.
 */
export function StoragePhotos({ report }: { report: StorageReport | null }) {
  const { count, bytes, waiting } = photoStorage.value;
  const percent = report?.usageBytes && report.quotaBytes ? Math.round((report.usageBytes / report.quotaBytes) * 100) : 0;
  return (
    <div class="storage__facts">
      <h2>{t('storage.photos.title')}</h2>
      <p class="storage__photos">{count === 0 ? t('storage.photos.none') : tn('storage.photos.value', count, { bytes: formatBytes(bytes) })}</p>
      {count > 0 && <p>{t('storage.photos.hint')}</p>}
      {isNearQuota(report) && <AlertNote>{t('storage.nearQuota', { percent })}</AlertNote>}
      {report?.isPersisted === false && waiting > 0 && <AlertNote>{tn('storage.photos.unsent', waiting)}</AlertNote>}
    </div>
  );
}
