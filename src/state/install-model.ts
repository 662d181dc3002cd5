import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * «Instalar Tinkuy»: where the browser offers installation (Chromium's `beforeinstallprompt`)
 * the app keeps the offer and shows a button; where it does not (Safari on iPhone, Firefox),
 * Inicio shows how to add it from the browser's menu. Already installed (opened standalone): nothing.
 * Part of the main bundle (the offer can come right after the first paint): keep it tiny.
 */

/** The part of Chromium's BeforeInstallPromptEvent the app uses. */
interface InstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** What Inicio can offer: a button (the browser's own prompt), instructions, or nothing. */
export type InstallOffer = 'button' | 'instructions' | 'installed';

const offer = signal<InstallOffer>('instructions');
let deferred: InstallPromptEvent | undefined;
let isWatching = false;

/** What to offer now. */
export const installOffer: ReadonlySignal<InstallOffer> = offer;

function isStandalone(target: Window): boolean {
  const nav = target.navigator as Navigator & { standalone?: boolean };
  return nav.standalone === true || target.matchMedia?.('(display-mode: standalone)').matches === true;
}

/** Starts listening for the browser's offer and for the installation. Safe to call more than once. */
export function watchInstallPrompt(target: Window = window): void {
  if (isWatching) return;
  isWatching = true;
  if (isStandalone(target)) offer.value = 'installed';
  target.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault(); // the app shows its own button instead of the browser's mini-bar
    deferred = event as InstallPromptEvent;
    offer.value = 'button';
  });
  target.addEventListener('appinstalled', () => {
    deferred = undefined;
    offer.value = 'installed';
  });
}

/** Shows the browser's install prompt; true when the person accepted. The offer is used once. */
export async function promptInstall(): Promise<boolean> {
  const event = deferred;
  if (!event) return false;
  deferred = undefined;
  await event.prompt();
  const { outcome } = await event.userChoice;
  offer.value = outcome === 'accepted' ? 'installed' : 'instructions';
  return outcome === 'accepted';
}

/** Forgets the offer (tests). */
export function resetInstallPrompt(): void {
  deferred = undefined;
  isWatching = false;
  offer.value = 'instructions';
}
