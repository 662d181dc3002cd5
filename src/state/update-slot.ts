import { signal, type ReadonlySignal } from '@preact/signals';
import type { UpdateModel } from './update-model';

/*
 * Where the page keeps its update model. Only this is in the main chunk: the model itself
 * (update-model.ts), workbox-window and the prompt load after the first render, when there is a
 * service worker to follow (#12: the JavaScript before the first screen).
 */

const current = signal<UpdateModel | null>(null);

/** The app's update model, once the service worker is registered (null before, or unsupported). */
export const updateModel: ReadonlySignal<UpdateModel | null> = current;

/** Registers the service worker. Call after the first render. Does nothing where service workers are missing. */
export async function registerServiceWorker(url = '/sw.js'): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const { startUpdateModel } = await import('./update-model');
  await startUpdateModel(url, (model) => (current.value = model));
}
