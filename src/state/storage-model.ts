import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * How much this device stores for Tinkuy and whether the browser may delete it. Unsent changes
 * live only on the device until they reach the server; in storage that is not persistent the
 * browser may evict them when space runs short, so the person is told and can ask to keep it.
 */

/** What the Storage screen shows; `null` fields mean the browser does not say. */
export interface StorageReport {
  /** False when the browser has no StorageManager at all (old browsers, some private modes). */
  isSupported: boolean;
  usageBytes: number | null;
  quotaBytes: number | null;
  /** True: the browser promised not to evict. False: it may. Null: unknown. */
  isPersisted: boolean | null;
  /** True when `navigator.storage.persist()` exists, so the button can be offered. */
  canAskPersist: boolean;
}

/** The subset of StorageManager used here (injected so tests can stand in for it). */
export type StorageApi = Partial<Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>>;

const report = signal<StorageReport | null>(null);

/** The last report read; null until `refreshStorageReport()` has finished once. */
export const storageReport: ReadonlySignal<StorageReport | null> = report;

/** The browser's StorageManager, or undefined where it does not exist. */
export function findStorageApi(): StorageApi | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Reads usage, quota and persistence; never throws (a failing call reads as unknown). */
export async function readStorageReport(api: StorageApi | undefined = findStorageApi()): Promise<StorageReport> {
  if (!api) return { isSupported: false, usageBytes: null, quotaBytes: null, isPersisted: null, canAskPersist: false };
  const estimate = api.estimate ? await api.estimate().catch(() => null) : null;
  const isPersisted = api.persisted ? await api.persisted().catch(() => null) : null;
  return {
    isSupported: true,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
    isPersisted,
    canAskPersist: typeof api.persist === 'function',
  };
}

/** Reads the report again and publishes it to `storageReport`. */
export async function refreshStorageReport(api: StorageApi | undefined = findStorageApi()): Promise<StorageReport> {
  const next = await readStorageReport(api);
  report.value = next;
  return next;
}

/**
 * Asks the browser to keep Tinkuy's data (Chromium may grant it silently for installed or
 * often-used sites, or refuse). Returns whether storage is now persistent.
 */
export async function askPersistentStorage(api: StorageApi | undefined = findStorageApi()): Promise<boolean> {
  const granted = api?.persist ? await api.persist().catch(() => false) : false;
  await refreshStorageReport(api);
  return granted;
}

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** "1.5 MB", written the Peruvian way (es-PE: point for decimals, comma for thousands). */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = value.toLocaleString('es-PE', { maximumFractionDigits: unit === 0 ? 0 : 1 });
  return `${number} ${UNITS[unit] ?? 'B'}`;
}
