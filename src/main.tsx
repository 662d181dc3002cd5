import { render } from 'preact';
import { startSync } from './state/sync-model';
import { registerServiceWorker } from './state/update-slot';
import { whenDoorReady } from './state/door-ready';
import { App } from './ui/app';
import { prefetchDoorWorkshop, readDoorCode } from './sync/door-prefetch';
import { DOOR_DATA_ID } from './shared/door-page';

/*
 * This module is the critical path: it renders the shell at once from the precache (offline
 * too), then starts sync, whose runtime (Dexie, drain, pull) loads as lazy chunks (the badge
 * reads «Revisando…» until it runs), and, after the first paint, registers the service worker
 * so workbox-window (its own small chunk) never delays the first screen. A participant's QR
 * door (#12) asks for its workshop at once and starts sync and the worker only once it has
 * offered the check-in: on Slow 3G each request it does not wait behind saves seconds.
 */
const root = document.getElementById('app');
if (root) {
  const isDoor = readDoorCode(location.pathname) !== undefined;
  prefetchDoorWorkshop(location.pathname, document.getElementById(DOOR_DATA_ID)?.textContent);
  render(<App />, root);
  const afterFirstScreen = isDoor ? whenDoorReady() : Promise.resolve();
  void afterFirstScreen.then(() => {
    startSync();
    if (import.meta.env.PROD) {
      requestAnimationFrame(() => setTimeout(() => void registerServiceWorker().catch(() => undefined), 0));
    }
  });
}
