import { render } from 'preact';
import { startSync } from './state/sync-model';
import { registerServiceWorker } from './state/update-model';
import { App } from './ui/app';

/*
 * This module is the critical path: it renders the shell at once from the precache (offline
 * too), then starts sync, whose runtime (Dexie, drain, pull) loads as lazy chunks (the badge
 * reads «Revisando…» until it runs), and, after the first paint, registers the service worker
 * so workbox-window (its own small chunk) never delays the first screen.
 */
const root = document.getElementById('app');
if (root) {
  render(<App />, root);
  startSync();
  if (import.meta.env.PROD) {
    requestAnimationFrame(() => setTimeout(() => void registerServiceWorker().catch(() => undefined), 0));
  }
}
