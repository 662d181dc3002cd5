import { StorageError, toStorageError } from '../db/storage-errors';
import { computeRetryDelayMs, type SyncOutcome } from './retry-policy';
import { DEVICE_MESSAGES } from '../shared/errors';

/** A failure nobody planned for (a bug, a closed database): told in Spanish, retried later like a network error. */
export const UNEXPECTED_MESSAGE = DEVICE_MESSAGES.unexpected;

function describeUnexpected(error: unknown): SyncOutcome {
  const storage = toStorageError(error);
  if (storage instanceof StorageError) return { kind: 'failed', message: storage.message };
  return { kind: 'transient', code: 'internal', message: UNEXPECTED_MESSAGE };
}

/** What the scheduler needs: the round to run and where to report. */
export interface SchedulerOptions {
  run: () => Promise<SyncOutcome>;
  onStart?: () => void;
  /** Called after each round; `retryInMs` is set when a transient failure scheduled a retry. */
  onFinish?: (outcome: SyncOutcome, retryInMs?: number) => void;
  random?: () => number;
  /** A write wakes sync this long after the last of a burst of writes. */
  debounceMs?: number;
}

/** The wake-up handles of one scheduler. */
export interface SyncScheduler {
  /** Runs a round now (or once more right after the one running); resolves when it ends. */
  wake(): Promise<void>;
  /** Runs a round after `debounceMs` of quiet (after a write). */
  wakeSoon(): void;
  /** Stops every timer; later wake-ups do nothing. */
  stop(): void;
}

/**
 * Runs sync rounds one at a time. A transient failure (network, 5xx, 429) retries by itself
 * after an exponential, fully jittered wait (≤ 5 min) or the server's Retry-After; any other
 * wake-up (online, visible, a write, the button) runs at once and resets nothing but the timer.
 */
export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const debounceMs = options.debounceMs ?? 1000;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;

  const settle = (outcome: SyncOutcome): void => {
    if (outcome.kind !== 'transient') {
      attempt = 0;
      options.onFinish?.(outcome);
      return;
    }
    attempt += 1;
    again = false;
    const delay = computeRetryDelayMs(attempt, outcome.retryAfterMs, options.random);
    if (!stopped) retryTimer = setTimeout(() => void wake(), delay);
    options.onFinish?.(outcome, delay);
  };

  const loop = async (): Promise<void> => {
    do {
      again = false;
      options.onStart?.();
      let outcome: SyncOutcome;
      try {
        outcome = await options.run();
      } catch (error) {
        outcome = describeUnexpected(error);
      }
      settle(outcome);
    } while (again && !stopped);
  };

  function wake(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    clearTimeout(retryTimer);
    running = loop().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    wake,
    wakeSoon() {
      clearTimeout(debounceTimer);
      if (!stopped) debounceTimer = setTimeout(() => void wake(), debounceMs);
    },
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(debounceTimer);
    },
  };
}
