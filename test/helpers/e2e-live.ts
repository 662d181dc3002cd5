/**
 * Live screens (#10) on the rig, shared by the e2e test and the bench: two phones of one gestor
 * on the same checklist; phone A stays on it, untouched. We watch A's "anything new?" requests
 * (`GET /api/sync/head`) through Chromium's own network events, let A ask once while nothing
 * changed (the idle figure), then phone B ticks an item right after that question — the worst
 * moment — and time how long until A's open screen shows the tick, without a reload.
 */
import type { Page, Request } from 'playwright-core';
import type { Account } from './e2e-accounts';
import type { Phone, Rig } from './e2e-rig';
import { readServerData } from './e2e-server-view';
import { planEvent, type EventForm } from './e2e-steps';
import { t } from '../../src/shared/i18n';

export const LIVE_TEMPLATE = 'Actividad en un sitio del patrimonio cultural';
const ITEM = /^Confirme con la Dirección Desconcentrada/;

const dance: EventForm = {
  title: 'Danza en Písac', type: t('events.type.danza'), date: '2099-04-12', starts: '10:00', ends: '13:00', region: 'Cusco', province: 'Calca', audience: 300, music: null, heritage: true,
};

/** One `GET /api/sync/head` as Chromium saw it. */
export interface HeadRequest {
  /** Wall-clock ms when it was sent. */
  sentAt: number;
  status?: number;
  /** Bytes received for it (status line, headers and body), as Chromium reports them. */
  bytes?: number;
}

/**
 * Records the page's head requests. Sizes are Chromium's own (Playwright reads them from the
 * DevTools protocol): the response's status line and headers plus its body as received.
 */
function watchHeads(page: Page): HeadRequest[] {
  const heads: HeadRequest[] = [];
  const byRequest = new Map<Request, HeadRequest>();
  page.on('request', (request) => {
    if (!request.url().includes('/api/sync/head')) return;
    const head: HeadRequest = { sentAt: Date.now() };
    byRequest.set(request, head);
    heads.push(head);
  });
  page.on('requestfinished', (request) => {
    const head = byRequest.get(request);
    if (!head) return;
    void Promise.all([request.response(), request.sizes()]).then(([response, sizes]) => {
      if (response) head.status = response.status();
      head.bytes = sizes.responseHeadersSize + sizes.responseBodySize;
    });
  });
  return heads;
}

async function waitFor<T>(read: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`No llegó a tiempo: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What the scenario measured. */
export interface LiveFigures {
  /** The idle question: its status (204 expected) and its bytes on the wire. */
  idle: HeadRequest;
  /** Time between the idle question and the next one (the rhythm while nothing changed). */
  intervalMs: number;
  /** From B's tick reaching the server to A's checkbox showing it, no reload. */
  latencyMs: number;
  /** How many head requests A sent in all, and whether A's page was reloaded (it must not be). */
  heads: HeadRequest[];
  reloaded: boolean;
}

/** Runs the scenario on `rig` with a fresh gestor's two phones. */
export async function runLiveScenario(rig: Rig, gestor: Account = rig.addAccount('gestor')): Promise<LiveFigures> {
  return rig.phone({ login: gestor, templates: true, name: 'teléfono A' }, (a) =>
    rig.phone({ login: gestor, templates: true, name: 'teléfono B' }, async (b) => {
      const path = await planEvent(a.page, dance, LIVE_TEMPLATE);
      const runId = path.split('/').at(-1)!;
      await openWhenPulled(b, path);
      let reloaded = false;
      a.page.on('framenavigated', (frame) => {
        if (frame === a.page.mainFrame()) reloaded = true;
      });
      const heads = watchHeads(a.page);
      // 1: nothing changes; A asks once (the idle figure).
      const idle = await waitFor(() => heads.find((h) => h.bytes !== undefined), 45_000, 'la primera consulta del teléfono A');
      // 2: right after that question, B ticks (the worst moment: A asks next in 30 s).
      await b.page.getByRole('checkbox', { name: ITEM }).check();
      const arrivedAt = await waitForServerTick(rig, gestor, runId);
      await a.page.getByRole('checkbox', { name: ITEM, checked: true }).waitFor({ timeout: 45_000 });
      const latencyMs = Date.now() - arrivedAt;
      const next = heads[heads.indexOf(idle) + 1];
      return { idle, intervalMs: next ? Math.round(next.sentAt - idle.sentAt) : NaN, latencyMs, heads, reloaded };
    }),
  );
}

/** Opens the run on B once B's own pull brought it. */
async function openWhenPulled(phone: Phone, path: string): Promise<void> {
  // A's first push and B's first pull both ride on a fresh login; on a loaded CI machine that took past 30 s
  // twice. What this scenario measures starts only once B shows the list, so waiting longer here is fair.
  // Each try gives the page 15 s to pull and draw the list: `isVisible` does not wait, and reloading
  // every instant cut every sync round short, so on a busy machine B never got the list.
  const end = Date.now() + 90_000;
  for (;;) {
    await phone.goto(path);
    const heading = phone.page.getByRole('heading', { level: 1, name: LIVE_TEMPLATE });
    if (await heading.waitFor({ state: 'visible', timeout: 15_000 }).then(() => true, () => false)) return;
    if (Date.now() > end) throw new Error('El teléfono B no recibió la lista');
  }
}

/** Waits until the server holds B's tick; returns when it was seen (ms since the epoch). */
async function waitForServerTick(rig: Rig, gestor: Account, runId: string): Promise<number> {
  const end = Date.now() + 30_000;
  for (;;) {
    const items = (await readServerData(rig.server, gestor)).filter((c) => c.table === 'checklistItems' && c.id.startsWith(`${runId}:`));
    if (items.some((c) => (c.row?.['state'] as { done?: boolean } | undefined)?.done === true)) return Date.now();
    if (Date.now() > end) throw new Error('El servidor no recibió la marca del teléfono B');
    await new Promise((r) => setTimeout(r, 200));
  }
}
