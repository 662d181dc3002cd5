import { describe, expect, it } from 'vitest';
import { encodeWithinBudget, fitWithin, HARD_MAX_BYTES, PhotoTooLargeError, TYPICAL_MAX_BYTES, type Encoder } from '../../../src/state/photos/photo-resize';

/** An encoder whose output weighs `bytesPerPixel(quality)` per pixel, recording each try. */
function fakeEncoder(bytesPerPixel: (quality: number) => number) {
  const tries: { width: number; height: number; quality: number }[] = [];
  const encode: Encoder = async (width, height, quality) => {
    tries.push({ width, height, quality });
    return new Blob([new Uint8Array(Math.round(width * height * bytesPerPixel(quality)))]);
  };
  return { encode, tries };
}

describe('reducing a photo to its budget', () => {
  it.each([
    [4000, 3000, 1600, { width: 1600, height: 1200 }],
    [3000, 4000, 1600, { width: 1200, height: 1600 }],
    [800, 600, 1600, { width: 800, height: 600 }],
    [12000, 10, 1600, { width: 1600, height: 1 }],
  ])('%i×%i fits %i px as %o, never enlarged', (w, h, side, expected) => {
    expect(fitWithin(w, h, side)).toEqual(expected);
  });

  it('a typical photo is kept at the first quality that weighs ≤ 300 KB', async () => {
    const { encode, tries } = fakeEncoder((q) => (q > 0.8 ? 0.2 : 0.1));
    const result = await encodeWithinBudget(1600, 1200, encode);
    expect(result.blob.size).toBeLessThanOrEqual(TYPICAL_MAX_BYTES);
    expect(tries.map((t) => t.quality)).toEqual([0.82, 0.72]);
    expect(result).toMatchObject({ width: 1600, height: 1200 });
  });

  it('a busy photo over 300 KB at every quality but under 1 MiB keeps its size at the lowest quality', async () => {
    const { encode, tries } = fakeEncoder(() => 0.3);
    const result = await encodeWithinBudget(1600, 1200, encode);
    expect(result.blob.size).toBeGreaterThan(TYPICAL_MAX_BYTES);
    expect(result.blob.size).toBeLessThanOrEqual(HARD_MAX_BYTES);
    expect(tries.at(-1)).toEqual({ width: 1600, height: 1200, quality: 0.62 });
  });

  it('a photo over 1 MiB at the lowest quality is made smaller until it is not', async () => {
    const { encode, tries } = fakeEncoder(() => 0.8);
    const result = await encodeWithinBudget(1600, 1200, encode);
    expect(result.blob.size).toBeLessThanOrEqual(HARD_MAX_BYTES);
    expect(result.width).toBeLessThan(1600);
    expect(tries.some((t) => t.width === 1280 && t.height === 960)).toBe(true);
  });

  it('a photo that cannot get under 1 MiB is refused, never stored over it', async () => {
    const { encode } = fakeEncoder(() => 4);
    await expect(encodeWithinBudget(1600, 1200, encode)).rejects.toBeInstanceOf(PhotoTooLargeError);
  });
});
