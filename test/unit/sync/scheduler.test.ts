import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncScheduler, UNEXPECTED_MESSAGE } from '../../../src/sync/scheduler';
import { ERROR_MESSAGES } from '../../../src/shared/errors';
import { computeBackoffMs, MAX_BACKOFF_MS, parseRetryAfter } from '../../../src/sync/retry-policy';
import type { SyncOutcome } from '../../../src/sync/retry-policy';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] }));
afterEach(() => vi.useRealTimers());

const transient = (retryAfterMs?: number): SyncOutcome => ({ kind: 'transient', code: 'network', message: 'x', ...(retryAfterMs ? { retryAfterMs } : {}) });

describe('backoff', () => {
  it('grows exponentially with full jitter and never waits more than 5 minutes', () => {
    const top = () => 0.999999;
    expect(computeBackoffMs(1, top)).toBeLessThan(2_000);
    expect(computeBackoffMs(2, top)).toBeLessThan(4_000);
    expect(computeBackoffMs(2, top)).toBeGreaterThan(3_000);
    expect(computeBackoffMs(30, top)).toBeLessThan(MAX_BACKOFF_MS);
    expect(computeBackoffMs(30, () => 0)).toBe(0);
  });

  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Sun, 29 Nov 2026 12:00:10 GMT', 10_000],
    ['Sun, 29 Nov 2026 11:00:00 GMT', 0],
    ['pronto', undefined],
    [null, undefined],
  ] as const)('reads Retry-After %s as %s ms', (header, expected) => {
    expect(parseRetryAfter(header, Date.parse('2026-11-29T12:00:00Z'))).toBe(expected);
  });
});

describe('the sync scheduler', () => {
  it('retries a transient failure by itself after the backoff, and stops retrying once it succeeds', async () => {
    const outcomes: SyncOutcome[] = [transient(), transient(), { kind: 'done' }];
    const run = vi.fn(async () => outcomes.shift() ?? { kind: 'done' as const });
    const delays: (number | undefined)[] = [];
    const scheduler = createSyncScheduler({ run, random: () => 0.5, onFinish: (_, retryInMs) => delays.push(retryInMs) });
    await scheduler.wake();
    expect(delays).toEqual([1_000]);
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    expect(delays).toEqual([1_000, 2_000]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(run).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(10 * MAX_BACKOFF_MS);
    expect(run).toHaveBeenCalledTimes(3);
    scheduler.stop();
  });

  it('waits at least the Retry-After the server asked for', async () => {
    const run = vi.fn(async () => (run.mock.calls.length === 1 ? transient(90_000) : ({ kind: 'done' } as const)));
    const scheduler = createSyncScheduler({ run, random: () => 0 });
    await scheduler.wake();
    await vi.advanceTimersByTimeAsync(89_999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });

  it('debounces a burst of writes into one round about a second after the last', async () => {
    const run = vi.fn(async () => ({ kind: 'done' }) as const);
    const scheduler = createSyncScheduler({ run });
    scheduler.wakeSoon();
    await vi.advanceTimersByTimeAsync(500);
    scheduler.wakeSoon();
    await vi.advanceTimersByTimeAsync(999);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    scheduler.stop();
  });

  it('runs once more right after the current round when woken meanwhile, never two at once', async () => {
    let active = 0;
    let maxActive = 0;
    const run = vi.fn(async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, 100));
      active -= 1;
      return { kind: 'done' } as const;
    });
    const scheduler = createSyncScheduler({ run });
    const first = scheduler.wake();
    void scheduler.wake();
    void scheduler.wake();
    await vi.advanceTimersByTimeAsync(300);
    await first;
    expect(run).toHaveBeenCalledTimes(2);
    expect(maxActive).toBe(1);
    scheduler.stop();
  });
});

describe('a failure nobody planned for', () => {
  it('a storage that cannot open stops with the Spanish private-mode message instead of retrying', async () => {
    const { Dexie } = await import('dexie');
    const finished: SyncOutcome[] = [];
    const scheduler = createSyncScheduler({
      run: () => Promise.reject(new Dexie.OpenFailedError('open failed', new DOMException('x', 'InvalidStateError'))),
      onFinish: (outcome) => finished.push(outcome),
    });
    await scheduler.wake();
    expect(finished).toEqual([{ kind: 'failed', message: ERROR_MESSAGES.storage_unavailable }]);
    scheduler.stop();
  });

  it('anything else is told in plain Spanish and retried later', async () => {
    const finished: SyncOutcome[] = [];
    const scheduler = createSyncScheduler({ run: () => Promise.reject(new TypeError('x is undefined')), onFinish: (o) => finished.push(o), random: () => 0.5 });
    await scheduler.wake();
    expect(finished[0]).toEqual({ kind: 'transient', code: 'internal', message: UNEXPECTED_MESSAGE });
    scheduler.stop();
  });
});
