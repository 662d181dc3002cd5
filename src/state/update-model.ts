import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * The "new version" prompt. A new service worker installs in the background and waits; the app
 * changes version only when the person taps "Actualizar", so a half-filled form is never lost
 * to a reload. Offline nothing happens here: the waiting worker just keeps waiting.
 */

/** What the model needs from workbox-window's `Workbox` (injected, so tests can drive it). */
export interface UpdateWorker {
  addEventListener(type: 'waiting' | 'controlling', listener: (event: { isUpdate?: boolean | undefined; isExternal?: boolean | undefined }) => void): void;
  messageSkipWaiting(): void;
  register(): Promise<unknown>;
}

/** One page's view of pending updates. */
export interface UpdateModel {
  /** True once a new version is installed and waiting for the person's word. */
  isWaiting: ReadonlySignal<boolean>;
  /** Asks the waiting worker to take over; the page reloads once it controls. */
  applyUpdate(): void;
}

/**
 * Follows `worker` and reloads only after this page asked for the update. If another tab
 * updated first, this tab is not reloaded: it shows the prompt and reloads on the tap.
 */
export function createUpdateModel(worker: UpdateWorker, reload: () => void = () => location.reload()): UpdateModel {
  const waiting = signal(false);
  let hasAsked = false;
  let isControlledByNew = false;
  worker.addEventListener('waiting', () => (waiting.value = true));
  worker.addEventListener('controlling', (event) => {
    if (hasAsked) return reload();
    // The first install also takes control (clientsClaim): that is not a new version. A worker
    // that replaced another (isUpdate) or that this page did not register (isExternal) is.
    if (!event.isUpdate && !event.isExternal) return;
    isControlledByNew = true;
    waiting.value = true;
  });
  return {
    isWaiting: waiting,
    applyUpdate() {
      hasAsked = true;
      if (isControlledByNew) reload();
      else worker.messageSkipWaiting();
    },
  };
}

const current = signal<UpdateModel | null>(null);

/** The app's update model, once the service worker is registered (null before, or unsupported). */
export const updateModel: ReadonlySignal<UpdateModel | null> = current;

/**
 * Registers the service worker through workbox-window, loaded on demand so it stays off the
 * critical path. Call after the first render. Does nothing where service workers are missing.
 */
export async function registerServiceWorker(url = '/sw.js'): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  const worker = new Workbox(url, { scope: '/' });
  current.value = createUpdateModel(worker);
  await worker.register();
}
