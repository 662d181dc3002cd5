/**
 * Headless Debian Chromium for end-to-end tests and benches, set up like our users' phones:
 * 360×640, es-PE, America/Lima. No browser is downloaded: Chromium comes from Debian's package.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { describe, inject, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_MISSING_LINE, CHROMIUM_PATH, hasChromium, isCi } from './e2e-chromium';

export { CHROMIUM_ARGS, CHROMIUM_MISSING_LINE, CHROMIUM_PATH, hasChromium, isCi };

/** Launches headless Chromium with a fresh temporary profile (Playwright makes one per launch). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A context like a low-end Android phone in Peru; `overrides` win. */
export async function newPhoneContext(browser: Browser, overrides: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'es-PE',
    timezoneId: 'America/Lima',
    serviceWorkers: 'allow',
    ...overrides,
  });
}

/** What went wrong on a page: console errors, uncaught errors and CSP violations. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
}

/** Starts recording a page's problems; the arrays fill as they happen. */
export async function watchPageProblems(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [] };
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error') problems.consoleErrors.push(text);
    if (/Content Security Policy|Content-Security-Policy/i.test(text)) problems.cspViolations.push(text);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  // The DOM event catches violations that do not reach the console (e.g. report-only policies).
  await page.exposeFunction('__tinkuyReportCsp', (line: string) => problems.cspViolations.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __tinkuyReportCsp(line: string): void }).__tinkuyReportCsp;
      report(`${event.violatedDirective} bloqueó ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return problems;
}

/** Resolves once a service worker controls the page. */
export async function waitForServiceWorkerControl(page: Page, timeoutMs = 20_000): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, undefined, {
    timeout: timeoutMs,
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by the e2e global setup: why the e2e tests are skipped, or '' when they run. */
    e2eSkipReason: string;
  }
}

/** Why e2e tests cannot run here ('' when they can); fails under CI instead of skipping. */
export function readE2eSkipReason(): string {
  let reason = '';
  try {
    reason = inject('e2eSkipReason') ?? '';
  } catch {
    reason = hasChromium() ? '' : CHROMIUM_MISSING_LINE;
  }
  return reason;
}

/**
 * `describe` for tests that need Chromium: skipped (after ONE loud line from the global setup)
 * when Chromium is missing, and a failing test instead when CI=true. End-to-end tests use
 * `describeE2E` (./e2e-rig), which builds on this and also gives them a server and phones.
 */
export function describeWithChromium(name: string, body: () => void): void {
  const reason = readE2eSkipReason();
  if (reason && isCi()) {
    describe(name, () => {
      it('needs Chromium under CI', () => {
        throw new Error(reason);
      });
    });
    return;
  }
  (reason ? describe.skip : describe)(name, body);
}
