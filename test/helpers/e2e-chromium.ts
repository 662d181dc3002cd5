/**
 * Where the e2e tests find Chromium, and how they launch it. Kept free of vitest and Playwright
 * imports so the global setup can load it in vitest's main process.
 */
import { existsSync } from 'node:fs';

/** Where Chromium is looked for: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep headless Chromium as root quiet on a closed network (PITFALLS.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The loud line printed when the e2e tests cannot run. */
export const CHROMIUM_MISSING_LINE = `E2E OMITIDO: no se encontró Chromium en ${CHROMIUM_PATH} — instale el paquete chromium (apt-get install chromium) o defina CHROMIUM_PATH`;

/** True when a Chromium executable is where we look for it. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** True when running under CI (`CI=true`), where a missing browser is a failure, not a skip. */
export function isCi(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1';
}

