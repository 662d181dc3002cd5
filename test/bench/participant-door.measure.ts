/**
 * A participant's first visit to `/t/<CÓDIGO>` (the QR link, #12) on a phone that never opened
 * Tinkuy, Slow 3G and CPU ×4, until «Registrar mi asistencia» is offered: the link is laid out,
 * a frame has been painted and the main thread ran a task (a tap is answered). Times are CDP's
 * wall clock, from the document's request (the page's own clock is Playwright's, see
 * watchCheckInOffered); bytes are what the requests it started by then had received when it was
 * offered (the service worker's own precache is not throttled, PITFALLS 15).
 */
import type { CDPSession, Page } from 'playwright-core';
import { withRig } from '../helpers/e2e-rig';
import { latestByRecord } from '../helpers/e2e-server-view';
import { pullAll } from '../helpers/pull';
import type { RunningServer } from '../helpers/e2e-server';
import { median, type BenchRow } from './bench-row';
import { emulateNetwork, SLOW_3G } from './networks';

const CPU_SLOWDOWN = 4;
const BUDGET_MS = 6_000;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
/** The seeded RED programme's Cusco workshop is on 14 January 2027: the phone's clock says so. */
const WORKSHOP_DAY = new Date('2027-01-14T15:00:00.000Z');

async function findSeededCode(server: RunningServer): Promise<string> {
  const rows = [...latestByRecord((await pullAll(server, undefined, 'catalogue')).changes).values()].map((c) => c.row as { code?: string; placeCode?: string } | undefined);
  const code = rows.find((r) => r?.placeCode === '080101' && r.code)?.code;
  if (!code) throw new Error('sin taller sembrado en Cusco');
  return code;
}

const DRAWN_MARK = 'tinkuy:offer-drawn';
const OFFERED_MARK = 'tinkuy:offered';
const TAPPED_MARK = 'tinkuy:tapped';
const FORM_MARK = 'tinkuy:form-ready';

/**
 * Runs in the page before any script: says on the console when «Registrar mi asistencia» is laid
 * out (drawn) and when a frame and a task later it can be tapped (offered). The times are CDP's
 * (the console event's wall clock): Playwright's clock, which gives the phone the workshop's day,
 * moves the page's own `performance.now()` as well (it read 8.5–9 s where CDP saw 5.5 s).
 */
function watchCheckInOffered(marks: { drawn: string; offered: string; tapped: string; form: string }): void {
  const w = window as unknown as { __tinkuyOffered?: boolean; __tinkuyFormReady?: boolean };
  const isOffered = () => [...document.querySelectorAll('a')].some((a) => a.textContent?.trim() === 'Registrar mi asistencia' && a.getClientRects().length > 0);
  const observer = new MutationObserver(() => {
    if (!isOffered()) return;
    observer.disconnect();
    console.debug(marks.drawn);
    requestAnimationFrame(() => setTimeout(() => {
      console.debug(marks.offered);
      w.__tinkuyOffered = true;
    }, 0));
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  // After the tap: the check-in form with its first field laid out, a frame painted and a task run.
  addEventListener('click', () => console.debug(marks.tapped), { capture: true, once: true });
  const isFormShown = () => document.querySelector('form[aria-label="Registrar mi asistencia"] input')?.getClientRects().length;
  const formObserver = new MutationObserver(() => {
    if (!isFormShown()) return;
    formObserver.disconnect();
    requestAnimationFrame(() => setTimeout(() => {
      console.debug(marks.form);
      w.__tinkuyFormReady = true;
    }, 0));
  });
  formObserver.observe(document, { childList: true, subtree: true });
}

/** The wall-clock moments (ms since the epoch, CDP's) of the document's request and of the page's marks. */
function recordMoments(cdp: CDPSession): { documentAt?: number; marks: Map<string, number> } {
  const moments: { documentAt?: number; marks: Map<string, number> } = { marks: new Map() };
  cdp.on('Network.requestWillBeSent', (e: { wallTime: number; type?: string }) => {
    if (e.type === 'Document') moments.documentAt ??= e.wallTime * 1000;
  });
  cdp.on('Runtime.consoleAPICalled', (e: { timestamp: number; args: Array<{ value?: unknown }> }) => {
    const mark = e.args[0]?.value;
    if (typeof mark === 'string') moments.marks.set(mark, e.timestamp);
  });
  return moments;
}

/**
 * Ms from the document's request until check-in is offered, and until it was drawn; the moment it
 * was offered (ms since the epoch); then, tapped at once as an eager person does, ms from the tap
 * until the form can be typed in. `whenOffered` runs before the tap (the bytes until the offer are read there).
 */
async function timeOffered(page: Page, cdp: CDPSession, url: string, whenOffered: (at: number) => void): Promise<{ ms: number; drawnMs: number; tapToFormMs: number }> {
  const moments = recordMoments(cdp);
  await cdp.send('Runtime.enable');
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as { __tinkuyOffered?: boolean }).__tinkuyOffered, undefined, { timeout: 120_000, polling: 100 });
  const at = moments.marks.get(OFFERED_MARK);
  const drawnAt = moments.marks.get(DRAWN_MARK);
  if (at === undefined || drawnAt === undefined || moments.documentAt === undefined) throw new Error('sin marcas de tiempo de CDP');
  whenOffered(at);
  await page.getByRole('link', { name: 'Registrar mi asistencia' }).click();
  await page.waitForFunction(() => (window as unknown as { __tinkuyFormReady?: boolean }).__tinkuyFormReady, undefined, { timeout: 120_000, polling: 100 });
  const tappedAt = moments.marks.get(TAPPED_MARK);
  const formAt = moments.marks.get(FORM_MARK);
  if (tappedAt === undefined || formAt === undefined) throw new Error('sin marcas de tiempo de CDP tras el toque');
  return { ms: at - moments.documentAt, drawnMs: drawnAt - moments.documentAt, tapToFormMs: formAt - tappedAt };
}

interface WaterfallLine {
  url: string;
  start: number;
  headers?: number;
  end?: number;
  bytes?: number;
}

/**
 * `BENCH_WATERFALL=1`: each request's start, first byte and end (ms from the document's request)
 * and bytes, to see which wave each request rides in.
 */
function recordWaterfall(cdp: CDPSession): { format(): string } {
  const lines = new Map<string, WaterfallLine>();
  let origin: number | undefined;
  const ms = (timestamp: number) => Math.round(timestamp * 1000 - (origin ?? 0));
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; timestamp: number; request: { url: string } }) => {
    origin ??= e.timestamp * 1000;
    lines.set(e.requestId, { url: new URL(e.request.url).pathname, start: ms(e.timestamp) });
  });
  cdp.on('Network.responseReceived', (e: { requestId: string; timestamp: number }) => {
    const line = lines.get(e.requestId);
    if (line) line.headers = ms(e.timestamp);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
    const line = lines.get(e.requestId);
    if (line) Object.assign(line, { end: ms(e.timestamp), bytes: e.encodedDataLength });
  });
  return {
    format: () =>
      [...lines.values()]
        .map((l) => `  ${String(l.start).padStart(6)} → ${String(l.headers ?? '…').padStart(6)} → ${String(l.end ?? '…').padStart(6)} ms  ${String(l.bytes ?? '…').padStart(7)} B  ${l.url}`)
        .join('\n'),
  };
}

/** The participant's first visit, Slow 3G, CPU ×4: ms until check-in is offered and bytes until then. */
export async function measureParticipantDoor(): Promise<BenchRow[]> {
  return withRig(async (rig) => {
    const code = await findSeededCode(rig.server);
    const runs: Array<{ ms: number; bytes: number; requests: number; tapToFormMs: number }> = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await rig.phone({ open: false, name: 'teléfono nuevo del participante' }, async ({ context, url }) => {
        await context.clock.setFixedTime(WORKSHOP_DAY);
        const page = await context.newPage();
        await page.addInitScript(watchCheckInOffered, { drawn: DRAWN_MARK, offered: OFFERED_MARK, tapped: TAPPED_MARK, form: FORM_MARK });
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await emulateNetwork(cdp, SLOW_3G, CPU_SLOWDOWN);
        // Requests the page started before check-in was offered, and the bytes of those (by CDP's wall clock).
        const started = new Map<string, number>();
        const finished = new Map<string, number>();
        cdp.on('Network.requestWillBeSent', (e: { requestId: string; wallTime: number }) => void started.set(e.requestId, e.wallTime * 1000));
        cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => void finished.set(e.requestId, e.encodedDataLength));
        const waterfall = process.env.BENCH_WATERFALL ? recordWaterfall(cdp) : undefined;
        let untilOffered = { requests: 0, bytes: 0 };
        const { ms, drawnMs, tapToFormMs } = await timeOffered(page, cdp, `${url}/t/${code}`, (at) => {
          const before = [...started].filter(([, time]) => time <= at).map(([id]) => id);
          untilOffered = { requests: before.length, bytes: before.reduce((sum, id) => sum + (finished.get(id) ?? 0), 0) };
        });
        if (waterfall) console.log(`participant's door, run ${i + 1}: drawn at ${Math.round(drawnMs)} ms, offered (a frame and a task later) at ${Math.round(ms)} ms, tapped at once: form ${Math.round(tapToFormMs)} ms later\n${waterfall.format()}`);
        return { ms, tapToFormMs, ...untilOffered };
      }));
    }
    const times = runs.map((r) => r.ms);
    return [
      { area: 'participant', what: `participant's first visit to /t/<CÓDIGO> until «Registrar mi asistencia» is offered (Slow 3G, CPU ×${CPU_SLOWDOWN})`, value: Math.round(median(times)), unit: 'ms', budget: BUDGET_MS, detail: `${times.length} runs: ${times.map(Math.round).join(', ')} ms` },
      { area: 'participant', what: 'participant\'s first visit, page bytes until check-in is offered (Slow 3G)', value: Math.round(median(runs.map((r) => r.bytes))), unit: 'bytes', budget: null, detail: `${median(runs.map((r) => r.requests))} requests` },
      { area: 'participant', what: `participant's first visit, «Registrar mi asistencia» tapped as soon as it is offered: until the form can be typed in (Slow 3G, CPU ×${CPU_SLOWDOWN})`, value: Math.round(median(runs.map((r) => r.tapToFormMs))), unit: 'ms', budget: null, detail: `${runs.length} runs: ${runs.map((r) => Math.round(r.tapToFormMs)).join(', ')} ms` },
    ];
  });
}
