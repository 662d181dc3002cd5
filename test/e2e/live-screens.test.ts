import { expect, it } from 'vitest';
import { LIVE_CHECK_INTERVAL_MS } from '../../src/sync/live-check';
import { runLiveScenario } from '../helpers/e2e-live';
import { describeE2E } from '../helpers/e2e-rig';

/** One round after the answer that says "yes": a pull of the catalogue and of the user data. */
const ONE_ROUND_MS = 5_000;

describeE2E('live screens: a teammate\'s change reaches an open screen', (rig) => {
  it('phone B\'s tick appears on phone A\'s open checklist at A\'s next question (≤ 30 s + one round), no reload; idle, A asks once per 30 s and the answer is ≤ 300 bytes', async () => {
    const figures = await runLiveScenario(rig);
    console.info(`vivo: consulta en reposo ${figures.idle.status} de ${figures.idle.bytes} bytes; cada ${figures.intervalMs} ms; marca de B en A tras ${figures.latencyMs} ms`);
    expect(figures.idle.status, 'nothing changed: a bare 204').toBe(204);
    expect(figures.idle.bytes, 'bytes on the wire, headers included').toBeLessThanOrEqual(300);
    // At most one question per 30 s while visible (the timer may fire a few ms early, never sooner).
    expect(figures.intervalMs).toBeGreaterThanOrEqual(LIVE_CHECK_INTERVAL_MS - 100);
    // B ticked right after A asked: the worst case is the whole interval plus one round.
    expect(figures.latencyMs).toBeLessThanOrEqual(LIVE_CHECK_INTERVAL_MS + ONE_ROUND_MS);
    expect(figures.reloaded, 'A\'s page was never reloaded').toBe(false);
  }, 240_000);
});
