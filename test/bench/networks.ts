/** The slow networks the benches emulate, as DevTools and Lighthouse define them. */
import type { CDPSession } from 'playwright-core';

/** A network as DevTools emulates it (kbps → bytes/s with 1024, as DevTools and Lighthouse do). */
export interface NetworkProfile {
  name: string;
  downKbps: number;
  upKbps: number;
  latencyMs: number;
}

export const SLOW_3G: NetworkProfile = { name: 'Slow 3G', downKbps: 400, upKbps: 400, latencyMs: 2_000 };
export const SLOW_4G: NetworkProfile = { name: 'Slow 4G', downKbps: 1_440, upKbps: 675, latencyMs: 562 };

/**
 * Slows the page (not its service worker: CDP network emulation is per target, PITFALLS 15) to
 * `network`, with the CPU `cpuSlowdown` times slower. Needs `Network.enable` sent first.
 */
export async function emulateNetwork(cdp: CDPSession, network: NetworkProfile, cpuSlowdown: number): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: network.latencyMs,
    downloadThroughput: (network.downKbps * 1024) / 8,
    uploadThroughput: (network.upKbps * 1024) / 8,
  });
}
