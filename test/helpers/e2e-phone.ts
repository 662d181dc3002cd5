/**
 * A phone for the end-to-end tests: a Chromium context set up like a low-end Android in Peru,
 * reaching the server through its own forwarder (its own origin), with a real network switch.
 *
 * `goOffline()` tells the browser it is offline AND cuts the forwarder, so nothing the phone
 * sends — page, service worker, the browser's own update checks — reaches the server.
 * Each offline stretch is remembered; `expectServerSawNothingWhileOffline()` then reads the
 * server's own request log and fails if any request addressed to this phone's origin arrived
 * while the phone was offline.
 */
import { expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Account } from './e2e-accounts';
import { newPhoneContext, waitForServiceWorkerControl, watchPageProblems, type PageProblems } from './e2e-browser';
import { openForwarder, type Forwarder } from './e2e-forwarder';
import { waitForTemplates } from './e2e-idb';
import type { RunningServer, ServerRequest } from './e2e-server';
import { logIn } from './e2e-steps';

/** How a phone starts. Every field is optional. */
export interface PhoneOptions {
  /** Shown in failure messages ("teléfono de la facilitadora"). */
  name?: string;
  /** Signs in through Más → Cuenta once the app is open, as a person does. */
  login?: Account;
  /** The first address the phone opens (default '/'); `false` opens nothing. */
  open?: string | false;
  /** Context options that differ from the phone's, e.g. `{ serviceWorkers: 'block' }`. */
  context?: BrowserContextOptions;
  /** Waits until the catalogue pull brought the checklist templates. */
  templates?: boolean;
}

/** A phone in a test. */
export interface Phone {
  readonly name: string;
  /** The phone's own origin, e.g. http://127.0.0.1:41234 (its forwarder). */
  readonly url: string;
  readonly context: BrowserContext;
  /** The first tab. */
  readonly page: Page;
  /** Console errors, uncaught errors and CSP violations of the first tab. */
  readonly problems: PageProblems;
  readonly isOffline: boolean;
  /** `path` on the phone's origin. */
  href(path: string): string;
  /** Opens `path` (on the phone's origin) in the first tab. */
  goto(path: string): Promise<void>;
  /**
   * No network at all: the browser knows it, and the forwarder is closed. `{ browserOnly: true }`
   * only tells the browser (Chromium's emulation, which lets some requests through): for the
   * rig's own test that shows the difference, never for a test of the app.
   */
  goOffline(options?: { browserOnly?: boolean }): Promise<void>;
  /** The forwarder reopens on the same port; then the browser is told it is back online. */
  goOnline(): Promise<void>;
  /** Requests addressed to this phone that the server received after `time` (ms since the epoch). */
  requestsSince(time: number): Promise<ServerRequest[]>;
  /** Requests addressed to this phone that the server received while it was offline. */
  requestsWhileOffline(): Promise<ServerRequest[]>;
  /** Fails, listing them, if the server received anything from this phone while it was offline. */
  expectServerSawNothingWhileOffline(): Promise<void>;
  /** True once the phone has been offline at least once. */
  readonly wentOffline: boolean;
  close(): Promise<void>;
}

interface OfflineStretch {
  from: number;
  to?: number;
}

/** A phone behind its own forwarder; the server is read through a getter (it may restart). */
class ForwardedPhone implements Phone {
  readonly url: string;
  private readonly stretches: OfflineStretch[] = [];

  constructor(
    readonly name: string,
    private readonly forwarder: Forwarder,
    private readonly server: () => RunningServer,
    readonly context: BrowserContext,
    readonly page: Page,
    readonly problems: PageProblems,
  ) {
    this.url = `http://127.0.0.1:${forwarder.port}`;
  }

  get isOffline(): boolean {
    return this.stretches.length > 0 && this.stretches.at(-1)?.to === undefined;
  }

  get wentOffline(): boolean {
    return this.stretches.length > 0;
  }

  href(path: string): string {
    return new URL(path, this.url).href;
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(this.href(path));
  }

  async goOffline({ browserOnly = false } = {}): Promise<void> {
    await this.context.setOffline(true);
    if (!browserOnly) await this.forwarder.cut();
    // Whatever crossed before the cut is logged before this answer: the stretch starts after it.
    this.stretches.push({ from: await this.server().flushRequests() });
  }

  async goOnline(): Promise<void> {
    const last = this.stretches.at(-1);
    if (last && last.to === undefined) last.to = Date.now();
    await this.forwarder.restore();
    await this.context.setOffline(false);
  }

  requestsSince(since: number): Promise<ServerRequest[]> {
    return this.requestsWhere((time) => time >= since);
  }

  requestsWhileOffline(): Promise<ServerRequest[]> {
    return this.requestsWhere((time) => this.stretches.some((s) => time > s.from && (s.to === undefined || time < s.to)));
  }

  async expectServerSawNothingWhileOffline(): Promise<void> {
    const seen = (await this.requestsWhileOffline()).map((r) => `${new Date(r.time).toISOString()} ${r.method} ${r.url}`);
    expect(seen, `el servidor recibió del ${this.name} sin conexión: ${seen.join('; ')}`).toEqual([]);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.forwarder.close();
  }

  /** What the server logged as addressed to this phone's origin, at times `keep` accepts. */
  private async requestsWhere(keep: (time: number) => boolean): Promise<ServerRequest[]> {
    await this.server().flushRequests();
    const host = new URL(this.url).host;
    return this.server().requests().filter((request) => request.host === host && keep(request.time));
  }
}

let phones = 0;

/** Opens a phone on `browser` that reaches `server()` (a getter: the server may be restarted). */
export async function openPhone(browser: Browser, server: () => RunningServer, options: PhoneOptions = {}): Promise<Phone> {
  const forwarder = await openForwarder(server().port);
  const context = await newPhoneContext(browser, options.context ?? {});
  const page = await context.newPage();
  const phone = new ForwardedPhone(options.name ?? `teléfono ${++phones}`, forwarder, server, context, page, await watchPageProblems(page));
  try {
    await startPhone(phone, options);
  } catch (error) {
    await phone.close();
    throw error;
  }
  return phone;
}

async function startPhone(phone: Phone, options: PhoneOptions): Promise<void> {
  if (options.open !== false) {
    await phone.goto(options.open ?? '/');
    if (options.context?.serviceWorkers !== 'block') await waitForServiceWorkerControl(phone.page);
  }
  if (options.login) await logIn(phone.page, options.login);
  if (options.templates) await waitForTemplates(phone.page);
}
