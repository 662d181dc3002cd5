/**
 * The end-to-end rig: each `describeE2E` block gets the real built server (fresh data directory,
 * its request log kept), one headless Chromium, and phones that reach the server each through
 * its own forwarder, with a real network switch. How to write a test with it:
 * test/helpers/README.md.
 *
 *   describeE2E('events planned offline', (rig) => {
 *     it('reaches the server once', async () => {
 *       await rig.phone({ login: COORDINADOR }, async (phone) => {
 *         await phone.goOffline();
 *         await createEvent(phone.page, { title: 'Feria' });
 *         await phone.goOnline();
 *         await phone.expectServerSawNothingWhileOffline();
 *       });
 *     });
 *   });
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Role } from '../../src/shared/schemas/common';
import { addAccount, type Account } from './e2e-accounts';
import { describeWithChromium, launchBrowser } from './e2e-browser';
import { openPhone, type Phone, type PhoneOptions } from './e2e-phone';
import { startServer, type RunningServer, type StartServerOptions } from './e2e-server';

export type { Phone, PhoneOptions };

/** A server, a browser and phones for one block of tests. */
export interface Rig {
  /** The running server (a new object after `restartServer`). */
  readonly server: RunningServer;
  readonly browser: Browser;
  /**
   * Opens a phone, runs `use` with it and always closes it. When `use` succeeds and the phone
   * went offline, it also checks that the server received nothing from it meanwhile.
   */
  phone<T>(options: PhoneOptions, use: (phone: Phone) => Promise<T>): Promise<T>;
  /** A phone kept across tests; `close()` it, or the rig closes it (and checks it) at the end. */
  openPhone(options?: PhoneOptions): Promise<Phone>;
  /** Stops the server and starts it again on the same port and data (phones keep their way to it). */
  restartServer(env?: Record<string, string>): Promise<RunningServer>;
  /** A new account, made with the users CLI. */
  addAccount(role: Role, overrides?: Partial<Account>): Account;
  /** Closes every phone, the browser and the server. */
  close(): Promise<void>;
}

/** The rig of a `describeE2E` block, which can also make the block's accounts. */
export interface BlockRig extends Rig {
  /** An account made before the block's first test; the object returned is filled in then. */
  useAccount(role: Role, overrides?: Partial<Account>): Account;
}

/** Starts a server and a browser (in parallel) and returns the rig around them. */
export async function createRig(options: StartServerOptions = {}): Promise<Rig> {
  const [started, launched] = await Promise.allSettled([startServer({ ...options, recordRequests: true }), launchBrowser()]);
  if (started.status === 'rejected' || launched.status === 'rejected') {
    if (started.status === 'fulfilled') await started.value.stop();
    if (launched.status === 'fulfilled') await launched.value.close();
    throw started.status === 'rejected' ? started.reason : (launched as PromiseRejectedResult).reason;
  }
  let server = started.value;
  const browser = launched.value;
  const kept = new Set<Phone>();

  const rig: Rig = {
    get server() {
      return server;
    },
    browser,
    async phone(phoneOptions, use) {
      const phone = await openPhone(browser, () => server, phoneOptions);
      try {
        const result = await use(phone);
        if (phone.wentOffline) await phone.expectServerSawNothingWhileOffline();
        return result;
      } finally {
        await phone.close();
      }
    },
    async openPhone(phoneOptions = {}) {
      const phone = await openPhone(browser, () => server, phoneOptions);
      const close = phone.close.bind(phone);
      kept.add(phone);
      return Object.assign(phone, {
        close: async () => {
          kept.delete(phone);
          await close();
        },
      });
    },
    async restartServer(env = {}) {
      server = await server.restart(env);
      return server;
    },
    addAccount: (role, overrides) => addAccount(server, role, overrides),
    async close() {
      const phones = [...kept];
      try {
        for (const phone of phones) if (phone.wentOffline) await phone.expectServerSawNothingWhileOffline();
      } finally {
        await Promise.all(phones.map((phone) => phone.close()));
        await browser.close();
        await server.stop();
      }
    },
  };
  return rig;
}

/** A rig for `use` only, always closed after (benches, which run outside `describeE2E`). */
export async function withRig<T>(use: (rig: Rig) => Promise<T>, options: StartServerOptions = {}): Promise<T> {
  const rig = await createRig(options);
  try {
    return await use(rig);
  } finally {
    await rig.close();
  }
}

/**
 * `describe` for end-to-end tests: a rig (server + browser) before the first test, closed after
 * the last. Skipped like `describeWithChromium` when Chromium is missing (a failure under CI).
 */
export function describeE2E(name: string, body: (rig: BlockRig) => void, options: StartServerOptions = {}): void {
  describeWithChromium(name, () => {
    let current: Rig | undefined;
    const need = (): Rig => {
      if (!current) throw new Error('El rig aún no arrancó: úselo dentro de un test o de un hook.');
      return current;
    };
    const rig: BlockRig = {
      get server() {
        return need().server;
      },
      get browser() {
        return need().browser;
      },
      phone: (phoneOptions, use) => need().phone(phoneOptions, use),
      openPhone: (phoneOptions) => need().openPhone(phoneOptions),
      restartServer: (env) => need().restartServer(env),
      addAccount: (role, overrides) => need().addAccount(role, overrides),
      close: () => need().close(),
      useAccount: (role, overrides) => {
        const account = {} as Account;
        beforeAll(() => {
          Object.assign(account, need().addAccount(role, overrides));
        });
        return account;
      },
    };
    beforeAll(async () => {
      current = await createRig(options);
    });
    afterAll(async () => {
      await current?.close();
    });
    body(rig);
  });
}
