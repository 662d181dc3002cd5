import { describe, expect, it } from 'vitest';
import { clampHlc, formatHlc, HybridClock, isHlc, MAX_CLOCK_DRIFT_MS, parseHlc } from '../../../src/shared/hlc';

const A = '0193c1d2-0000-7000-8000-00000000000a';
const B = '0193c1d2-0000-7000-8000-00000000000b';

describe('hybrid logical clock', () => {
  it('writes stamps that sort as strings in time order', () => {
    const stamp = formatHlc({ wallMs: 1764950400000, counter: 3, clientId: A });
    expect(stamp).toBe(`001764950400000:0003:${A}`);
    expect(isHlc(stamp)).toBe(true);
    expect(parseHlc(stamp)).toEqual({ wallMs: 1764950400000, counter: 3, clientId: A });
    expect(formatHlc({ wallMs: 999, counter: 0, clientId: A }) < formatHlc({ wallMs: 1000, counter: 0, clientId: A })).toBe(true);
  });

  it.each(['', '1764950400000:0003:a', '001764950400000:3:a', '001764950400000:0003:', '001764950400000:0003:a b'])(
    'rejects the malformed stamp %j',
    (stamp) => {
      expect(isHlc(stamp)).toBe(false);
      expect(() => parseHlc(stamp)).toThrow();
    },
  );

  it('is monotonic when the wall clock stands still or goes back', () => {
    let now = 1_000_000;
    const clock = new HybridClock(A, () => now);
    const stamps = [clock.tick(), clock.tick()];
    now -= 500;
    stamps.push(clock.tick());
    now += 10_000;
    stamps.push(clock.tick());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(4);
    expect(parseHlc(stamps[2]!)).toMatchObject({ wallMs: 1_000_000, counter: 2 });
    expect(parseHlc(stamps[3]!)).toMatchObject({ wallMs: 1_009_500, counter: 0 });
  });

  it('after receiving a stamp from a clock ahead, issues stamps after it', () => {
    const behind = new HybridClock(A, () => 1_000);
    const ahead = new HybridClock(B, () => 50_000);
    const remote = ahead.tick();
    behind.receive(remote);
    expect(behind.tick() > remote).toBe(true);
  });

  it('receiving an older stamp does not move the clock back', () => {
    const clock = new HybridClock(A, () => 5_000);
    const before = clock.tick();
    clock.receive(formatHlc({ wallMs: 10, counter: 9, clientId: B }));
    expect(clock.tick() > before).toBe(true);
  });

  it('resumes from the persisted stamp after a restart, even with an earlier wall clock', () => {
    const last = formatHlc({ wallMs: 9_000, counter: 4, clientId: A });
    const restarted = new HybridClock(A, () => 1_000, last);
    expect(restarted.tick()).toBe(formatHlc({ wallMs: 9_000, counter: 5, clientId: A }));
  });

  it('borrows the next millisecond when the counter overflows', () => {
    const clock = new HybridClock(A, () => 7_000, formatHlc({ wallMs: 7_000, counter: 9_999, clientId: A }));
    const next = clock.tick();
    expect(parseHlc(next)).toMatchObject({ wallMs: 7_001, counter: 0 });
    expect(next > formatHlc({ wallMs: 7_000, counter: 9_999, clientId: A })).toBe(true);
  });

  it.each([
    ['a stamp within the small drift allowance is kept', 1_000 + MAX_CLOCK_DRIFT_MS, 1_000 + MAX_CLOCK_DRIFT_MS, 2],
    ['a stamp far ahead is pulled back to the server’s own time', 1_000 + 24 * 3_600_000, 1_000, 0],
    ['a stamp a minute ahead is pulled back too', 1_000 + 60_000, 1_000, 0],
    ['a stamp in the past is kept', 10, 10, 2],
  ])('clamp: %s', (_label, wallMs, expectedWall, expectedCounter) => {
    const stamp = formatHlc({ wallMs, counter: 2, clientId: A });
    expect(parseHlc(clampHlc(stamp, 1_000))).toEqual({ wallMs: expectedWall, counter: expectedCounter, clientId: A });
  });

  it('the allowance is seconds, not minutes', () => {
    expect(MAX_CLOCK_DRIFT_MS).toBeLessThanOrEqual(5_000);
  });

  it('two stamps of one push pulled back keep their order by their place in the push', () => {
    const first = clampHlc(formatHlc({ wallMs: 9_000_000, counter: 0, clientId: A }), 1_000, 0);
    const second = clampHlc(formatHlc({ wallMs: 9_000_005, counter: 0, clientId: A }), 1_000, 1);
    expect(second > first).toBe(true);
  });
});
