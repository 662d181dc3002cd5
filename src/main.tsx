import { render } from 'preact';
import { startSync } from './state/sync-model';
import { registerServiceWorker } from './state/update-model';
import { App } from './ui/app';

/*
 * This module is the critical path: it renders the shell at once from the precache (offline
 * too), then starts sync (the badge reads «Revisando…» until the runtime runs; see
 * state/sync-model.ts `loadRuntime` for moving that runtime to a lazy chunk) and, after the
 * first paint, registers the service worker so workbox-window (its own small chunk) never
 * delays the first screen.
 */
const root = document.getElementById('app');
if (root) {
  render(<App />, root);
  startSync();
  if (import.meta.env.PROD) {
    requestAnimationFrame(() => setTimeout(() => void registerServiceWorker().catch(() => undefined), 0));
  }
}
