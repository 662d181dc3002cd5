import { computed, signal, type ReadonlySignal } from '@preact/signals';

/**
 * The "new version" prompt. A new service worker installs in the background and waits; the app
 * changes version only when the person taps "Actualizar", so a half-filled form is never lost
 * to a reload. The app asks the server for a new version while it stays open (each time it comes
 * back to the screen and every few hours), not only on a full load. «Más tarde» puts the prompt
 * off until the person next comes back to the app, or for some hours. Offline nothing happens
 * here: the check fails quietly and the waiting worker just keeps waiting.
 */

/** How often an app left open asks for a new version. */
export const UPDATE_CHECK_EVERY_MS = 3 * 60 * 60 * 1000;
/** How long «Más tarde» hides the prompt when the app stays on screen all along. */
export const POSTPONE_MS = 4 * 60 * 60 * 1000;

/** What the model needs from workbox-window's `Workbox` (injected, so tests can drive it). */
export interface UpdateWorker {
  addEventListener(type: 'waiting' | 'controlling', listener: (event: { isUpdate?: boolean | undefined; isExternal?: boolean | undefined }) => void): void;
  messageSkipWaiting(): void;
  register(): Promise<unknown>;
  /** Asks the server for a newer sw.js now. */
  update(): Promise<unknown>;
}

/** One page's view of pending updates. */
export interface UpdateModel {
  /** True once a new version is installed and waiting for the person's word. */
  isWaiting: ReadonlySignal<boolean>;
  /** True while the prompt should show: a version waits and the person did not put it off. */
  isPromptShown: ReadonlySignal<boolean>;
  /** Asks the waiting worker to take over; the page reloads once it controls. */
  applyUpdate(): void;
  /** «Más tarde»: hides the prompt until `resume()` or `POSTPONE_MS` from now. */
  postpone(): void;
  /** The person is back on the app: show a put-off prompt again and look for a newer version. */
  resume(): void;
}

/** Timers and the clock, injected so tests can move time. */
export interface UpdateClock {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: UpdateClock = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Follows `worker` and reloads only after this page asked for the update. If another tab
 * updated first, this tab is not reloaded: it shows the prompt and reloads on the tap.
 */
export function createUpdateModel(worker: UpdateWorker, reload: () => void = () => location.reload(), clock: UpdateClock = realClock): UpdateModel {
  const waiting = signal(false);
  const postponed = signal(false);
  let hasAsked = false;
  let isControlledByNew = false;
  let postponeTimer: unknown;
  worker.addEventListener('waiting', () => (waiting.value = true));
  worker.addEventListener('controlling', (event) => {
    if (hasAsked) return reload();
    // The first install also takes control (clientsClaim): that is not a new version. A worker
    // that replaced another (isUpdate) or that this page did not register (isExternal) is.
    if (!event.isUpdate && !event.isExternal) return;
    isControlledByNew = true;
    waiting.value = true;
  });
  const endPostponement = () => {
    clock.clearTimeout(postponeTimer);
    postponed.value = false;
  };
  return {
    isWaiting: waiting,
    isPromptShown: computed(() => waiting.value && !postponed.value),
    applyUpdate() {
      hasAsked = true;
      if (isControlledByNew) reload();
      else worker.messageSkipWaiting();
    },
    postpone() {
      clock.clearTimeout(postponeTimer);
      postponed.value = true;
      postponeTimer = clock.setTimeout(endPostponement, POSTPONE_MS);
    },
    resume() {
      endPostponement();
      if (!waiting.value) void worker.update().catch(() => undefined);
    },
  };
}

/**
 * Checks for a new version while the app stays open: each time the page becomes visible again
 * (which also brings back a put-off prompt) and every `UPDATE_CHECK_EVERY_MS`. Returns the undo.
 */
export function watchForUpdates(model: UpdateModel, worker: UpdateWorker, doc: Document = document): () => void {
  const onVisible = () => {
    if (doc.visibilityState === 'visible') model.resume();
  };
  doc.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(() => void worker.update().catch(() => undefined), UPDATE_CHECK_EVERY_MS);
  return () => {
    doc.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}

/**
 * Registers the service worker through workbox-window and hands the page its update model
 * (`onModel`, before registering, so no event is missed). Loaded on demand by update-slot.ts after
 * the first render, with workbox-window, so neither is on the critical path (#12).
 */
export async function startUpdateModel(url: string, onModel: (model: UpdateModel) => void): Promise<void> {
  const { Workbox } = await import('workbox-window');
  const worker = new Workbox(url, { scope: '/' });
  const model = createUpdateModel(worker);
  onModel(model);
  await worker.register();
  watchForUpdates(model, worker);
}
