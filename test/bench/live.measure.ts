/**
 * Live screens (#10): on the e2e rig (real server, real Chromium, each phone behind its own
 * forwarder), phone A stays on a checklist while phone B ticks an item right after A's idle
 * question — the worst moment. Figures: the idle question's bytes on the wire (headers included,
 * as Chromium reports them; budget 300) and the time from B's tick reaching the server to A's
 * screen showing it without a reload (budget 30 s: the next question, plus one round).
 */
import { createRig } from '../helpers/e2e-rig';
import { runLiveScenario } from '../helpers/e2e-live';
import type { BenchRow } from './bench-row';

/** Idle question size, its rhythm, and a teammate's tick → open screen. */
export async function measureLiveScreens(): Promise<BenchRow[]> {
  const rig = await createRig();
  try {
    const f = await runLiveScenario(rig);
    return [
      { area: 'sync', what: 'live screens: idle «anything new?» answer, bytes on the wire', value: f.idle.bytes ?? NaN, unit: 'bytes', budget: 300, detail: `status ${f.idle.status}, every ${f.intervalMs} ms while visible and online` },
      { area: 'sync', what: 'live screens: teammate\'s tick → open checklist (worst moment)', value: f.latencyMs, unit: 'ms', budget: 30_000, detail: 'tick made right after the idle question; no reload' },
    ];
  } finally {
    await rig.close();
  }
}
