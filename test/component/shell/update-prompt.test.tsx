import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/preact';
import {
  createUpdateModel, POSTPONE_MS, UPDATE_CHECK_EVERY_MS, watchForUpdates, type UpdateClock, type UpdateWorker,
} from '../../../src/state/update-model';
import { UpdatePrompt } from '../../../src/ui/shell/update-prompt';
import { t } from '../../../src/shared/i18n';

type Listener = (event: { isUpdate?: boolean; isExternal?: boolean }) => void;

/**
 * Stands in for workbox-window's Workbox, which needs a real service worker container (jsdom
 * has none): the test fires its lifecycle events and reads what the page posted to the worker.
 */
class FakeWorkbox implements UpdateWorker {
  readonly posted: unknown[] = [];
  updateChecks = 0;
  private readonly listeners = new Map<string, Listener[]>();
  addEventListener(type: 'waiting' | 'controlling', listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  messageSkipWaiting(): void {
    this.posted.push({ type: 'SKIP_WAITING' });
  }
  register(): Promise<unknown> {
    return Promise.resolve(undefined);
  }
  update(): Promise<unknown> {
    this.updateChecks += 1;
    return Promise.resolve(undefined);
  }
  fire(type: 'waiting' | 'controlling', event: { isUpdate?: boolean; isExternal?: boolean } = {}): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

/** A clock the test moves by hand: the postponement's timer fires when the test says so. */
class FakeClock implements UpdateClock {
  private timers = new Map<number, { at: number; run: () => void }>();
  private now = 0;
  private next = 1;
  setTimeout(run: () => void, ms: number): unknown {
    this.timers.set(this.next, { at: this.now + ms, run });
    return this.next++;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  advance(ms: number): void {
    this.now += ms;
    for (const [id, timer] of [...this.timers]) {
      if (timer.at > this.now) continue;
      this.timers.delete(id);
      timer.run();
    }
  }
}

function setUp() {
  const workbox = new FakeWorkbox();
  const clock = new FakeClock();
  let reloads = 0;
  const model = createUpdateModel(workbox, () => (reloads += 1), clock);
  render(<UpdatePrompt model={model} />);
  return { workbox, model, clock, reloads: () => reloads };
}

const laterButton = () => screen.queryByRole('button', { name: t('update.later') });

const updateButton = () => screen.queryByRole('button', { name: t('update.action') });

describe('the update prompt', () => {
  it('stays hidden while no new version waits, including when the first install takes control', async () => {
    const { workbox, reloads } = setUp();
    expect(screen.queryByText(t('update.available'))).toBeNull();
    await act(() => workbox.fire('controlling', { isUpdate: false, isExternal: false }));
    expect(updateButton()).toBeNull();
    expect(reloads()).toBe(0);
  });

  it('appears when a worker is waiting, and posts SKIP_WAITING only when the person taps Actualizar', async () => {
    const { workbox, reloads } = setUp();
    await act(() => workbox.fire('waiting'));
    expect(screen.getByText(t('update.available'))).toBeTruthy();
    expect(workbox.posted).toEqual([]);

    fireEvent.click(updateButton()!);
    expect(workbox.posted).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(reloads()).toBe(0);

    await act(() => workbox.fire('controlling', { isUpdate: true }));
    expect(reloads()).toBe(1);
  });

  it('reloads a tab open since the first visit once the new worker it asked for controls', async () => {
    const { workbox, reloads } = setUp();
    await act(() => workbox.fire('waiting', { isExternal: true }));
    fireEvent.click(updateButton()!);
    await act(() => workbox.fire('controlling', { isUpdate: false, isExternal: true }));
    expect(reloads()).toBe(1);
  });

  it('never reloads when another tab applied the update; it asks first, then reloads on the tap', async () => {
    const { workbox, reloads } = setUp();
    await act(() => workbox.fire('waiting'));
    await act(() => workbox.fire('controlling', { isUpdate: true }));
    expect(reloads()).toBe(0);
    expect(updateButton()).toBeTruthy();

    fireEvent.click(updateButton()!);
    expect(reloads()).toBe(1);
    expect(workbox.posted).toEqual([]);
  });

  it('«Más tarde» hides the prompt; it comes back when the person returns to the app', async () => {
    const { workbox, model } = setUp();
    await act(() => workbox.fire('waiting'));
    await act(() => void fireEvent.click(laterButton()!));
    expect(updateButton()).toBeNull();
    expect(model.isWaiting.value).toBe(true);
    await act(() => model.resume());
    expect(updateButton()).toBeTruthy();
    expect(workbox.updateChecks).toBe(0); // a version already waits: nothing to ask the server
  });

  it('«Más tarde» on an app that never leaves the screen: the prompt returns after some hours', async () => {
    const { workbox, clock } = setUp();
    await act(() => workbox.fire('waiting'));
    await act(() => void fireEvent.click(laterButton()!));
    await act(() => clock.advance(POSTPONE_MS - 1000));
    expect(updateButton()).toBeNull();
    await act(() => clock.advance(1000));
    expect(updateButton()).toBeTruthy();
    expect(laterButton()).toBeTruthy();
  });
});

describe('looking for a new version while the app stays open', () => {
  it('asks the server each time the app becomes visible again, and every few hours', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const workbox = new FakeWorkbox();
      const model = createUpdateModel(workbox, () => undefined, new FakeClock());
      const stop = watchForUpdates(model, workbox);
      document.dispatchEvent(new Event('visibilitychange'));
      expect(workbox.updateChecks).toBe(1);
      vi.advanceTimersByTime(UPDATE_CHECK_EVERY_MS);
      expect(workbox.updateChecks).toBe(2);
      vi.advanceTimersByTime(UPDATE_CHECK_EVERY_MS - 1);
      expect(workbox.updateChecks).toBe(2);
      stop();
      document.dispatchEvent(new Event('visibilitychange'));
      vi.advanceTimersByTime(UPDATE_CHECK_EVERY_MS);
      expect(workbox.updateChecks).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a failed check (offline) is quiet and changes nothing', async () => {
    const workbox = new FakeWorkbox();
    workbox.update = () => Promise.reject(new TypeError('Failed to fetch'));
    const model = createUpdateModel(workbox, () => undefined, new FakeClock());
    model.resume();
    await Promise.resolve();
    expect(model.isPromptShown.value).toBe(false);
  });
});
