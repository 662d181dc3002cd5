import { ERROR_MESSAGES } from '../shared/errors';

/** The storage failures a person can act on; each has its Spanish sentence in shared/errors. */
export type StorageErrorCode = 'quota_exceeded' | 'storage_unavailable';

/** A device storage failure with a plain Spanish message; the write it interrupted left nothing behind. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    readonly original?: unknown,
  ) {
    super(ERROR_MESSAGES[code]);
    this.name = 'StorageError';
  }
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  inner?: unknown;
  cause?: unknown;
}

/** Walks an error and what it wraps (Dexie `inner`, standard `cause`), at most a few levels. */
function listErrorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && chain.length < 6) {
    const item = current as ErrorLike;
    chain.push(item);
    current = item.inner ?? item.cause;
  }
  return chain;
}

/**
 * Whether the storage is full. Chromium often reports it as an AbortError of the transaction
 * whose inner error (or message) is the QuotaExceededError, so the whole chain is searched.
 */
export function isQuotaExceeded(error: unknown): boolean {
  return listErrorChain(error).some(
    (e) => e.name === 'QuotaExceededError' || e.code === 22 || /quota/i.test(String((e as Error).message ?? '')),
  );
}

const UNAVAILABLE_NAMES = new Set(['MissingAPIError', 'InvalidStateError', 'SecurityError']);

/** Whether IndexedDB cannot be used at all here (private mode, disabled storage). */
export function isStorageUnavailable(error: unknown): boolean {
  return listErrorChain(error).some((e) => typeof e.name === 'string' && UNAVAILABLE_NAMES.has(e.name));
}

/** Maps a raw IndexedDB/Dexie failure to a StorageError when a person can act on it; else returns it. */
export function toStorageError(error: unknown): unknown {
  if (error instanceof StorageError) return error;
  if (isQuotaExceeded(error)) return new StorageError('quota_exceeded', error);
  if (isStorageUnavailable(error)) return new StorageError('storage_unavailable', error);
  return error;
}

/** Runs a storage operation and rethrows its failure as a StorageError where one applies. */
export async function guardStorage<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStorageError(error);
  }
}
