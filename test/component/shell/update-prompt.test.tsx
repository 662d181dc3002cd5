import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { createUpdateModel, type UpdateWorker } from '../../../src/state/update-model';
import { UpdatePrompt } from '../../../src/ui/shell/update-prompt';
import { t } from '../../../src/shared/i18n';

type Listener = (event: { isUpdate?: boolean; isExternal?: boolean }) => void;

/**
 * Stands in for workbox-window's Workbox, which needs a real service worker container (jsdom
 * has none): the test fires its lifecycle events and reads what the page posted to the worker.
 */
class FakeWorkbox implements UpdateWorker {
  readonly posted: unknown[] = [];
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
  fire(type: 'waiting' | 'controlling', event: { isUpdate?: boolean; isExternal?: boolean } = {}): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

function setUp() {
  const workbox = new FakeWorkbox();
  let reloads = 0;
  const model = createUpdateModel(workbox, () => (reloads += 1));
  render(<UpdatePrompt model={model} />);
  return { workbox, reloads: () => reloads };
}

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
});
