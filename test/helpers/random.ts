/** A seeded source of numbers in [0, 1), so a failing randomized run can be replayed exactly. */
export type Rng = () => number;

/** mulberry32: small, fast, good enough to shuffle test inputs and simulations. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
