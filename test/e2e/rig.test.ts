/**
 * The rig's own test: the network switch cuts what Chromium's offline emulation lets through,
 * and the check "the server received nothing from this phone while it was offline" can fail.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import { openForwarder } from '../helpers/e2e-forwarder';
import { waitForTemplates } from '../helpers/e2e-idb';
import { describeE2E } from '../helpers/e2e-rig';

/** Asks the browser to check for a new service worker now, as it does on its own on navigations. */
function checkForWorkerUpdate(page: Page): Promise<string> {
  return page.evaluate(async () => {
    try {
      await (await navigator.serviceWorker.getRegistration())?.update();
      return 'comprobado';
    } catch (error) {
      return `falló: ${String(error)}`;
    }
  });
}

/** Resolves with how a raw TCP connection to `port` ended: 'refused', or 'closed' after `write`. */
function tryConnect(port: number, write = ''): Promise<'refused' | 'closed'> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(write));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' ? 'refused' : 'closed'));
    socket.on('close', () => resolve('closed'));
  });
}

describe('the forwarder', () => {
  let target: Server;
  let targetPort = 0;

  beforeAll(async () => {
    target = createHttpServer((_req, res) => res.end('hola'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetPort = (target.address() as { port: number }).port;
  });
  afterAll(async () => {
    target.closeAllConnections();
    await new Promise((resolve) => target.close(resolve));
  });

  it('passes requests; cut() ends an open connection and refuses new ones; restore() reopens the same port', async () => {
    const forwarder = await openForwarder(targetPort);
    try {
      expect(forwarder.port).not.toBe(targetPort);
      expect(await (await fetch(`http://127.0.0.1:${forwarder.port}/`)).text()).toBe('hola');

      // A connection that is open (half a request sent) when the switch goes off is ended.
      const open = tryConnect(forwarder.port, 'GET / HTTP/1.1\r\nHost: x\r\n');
      await new Promise((r) => setTimeout(r, 100));
      await forwarder.cut();
      expect(await open).toBe('closed');
      expect(forwarder.isOpen).toBe(false);
      expect(await tryConnect(forwarder.port)).toBe('refused');
      await expect(fetch(`http://127.0.0.1:${forwarder.port}/`)).rejects.toThrow();

      await forwarder.restore();
      expect(await (await fetch(`http://127.0.0.1:${forwarder.port}/`)).text()).toBe('hola');
    } finally {
      await forwarder.close();
    }
  });
});

describeE2E('the rig: each phone on its own origin, with a real network switch', (rig) => {
  it('each phone has its own origin, and the server\'s request log tells them apart', async () => {
    await rig.phone({}, async (first) => {
      await rig.phone({}, async (second) => {
        const hosts = [first.url, second.url].map((url) => new URL(url).host);
        expect(new Set([...hosts, new URL(rig.server.url).host]).size).toBe(3);
        await rig.server.flushRequests();
        for (const host of hosts) expect(rig.server.requests().some((r) => r.host === host && r.url === '/')).toBe(true);
      });
    });
  });

  it('with Chromium\'s offline emulation alone the browser still reaches the server (its service-worker update check), and the check says so', async () => {
    const phone = await rig.openPhone();
    try {
      await phone.goOffline({ browserOnly: true });
      expect(await checkForWorkerUpdate(phone.page)).toBe('comprobado');
      const leaked = await phone.requestsWhileOffline();
      expect(leaked.map((r) => `${r.method} ${r.url}`)).toContain('GET /sw.js');
      await expect(phone.expectServerSawNothingWhileOffline()).rejects.toThrow(/sw\.js/);
    } finally {
      await phone.close();
    }
  });

  it('with the switch, the same check reaches nothing; the app works offline and, back online, keeps its origin, worker and data', async () => {
    await rig.phone({ templates: true }, async (phone) => {
      const origin = phone.url;
      await phone.goOffline();
      expect(await checkForWorkerUpdate(phone.page)).toMatch(/^falló/);
      await phone.page.reload();
      await phone.page.getByText(t('shell.offline'), { exact: true }).first().waitFor();
      await phone.page.getByRole('navigation', { name: t('nav.label') }).waitFor();
      expect(await phone.requestsWhileOffline()).toEqual([]);

      await phone.goOnline();
      expect(phone.url).toBe(origin);
      expect(await checkForWorkerUpdate(phone.page)).toBe('comprobado');
      expect(await phone.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await waitForTemplates(phone.page);
      await phone.expectServerSawNothingWhileOffline();
    });
  });
});
