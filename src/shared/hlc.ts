/**
 * Hybrid logical clock (DESIGN.md § Sync protocol).
 *
 * A stamp is `MMMMMMMMMMMMMMM:CCCC:clientId`: wall milliseconds in 15 digits, a counter in 4
 * digits and the id of the device that made it. Stamps compare as plain strings, in time
 * order, so a merge never needs to parse them.
 */

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 4;
const MAX_COUNTER = 9999;
/**
 * A device stamp ahead of the server's clock by more than this is pulled back to the server's
 * time: with minutes of allowance, a phone whose clock ran ahead (or a forged stamp) made every
 * correction sent in those minutes lose silently.
 */
export const MAX_CLOCK_DRIFT_MS = 2_000;

export interface HlcParts {
  wallMs: number;
  counter: number;
  clientId: string;
}

const HLC_PATTERN = /^(\d{15}):(\d{4}):([0-9A-Za-z-]{1,64})$/;

/** Whether `value` is a well-formed stamp. */
export function isHlc(value: string): boolean {
  return HLC_PATTERN.test(value);
}

/** Splits a stamp; throws on a malformed one. */
export function parseHlc(stamp: string): HlcParts {
  const match = HLC_PATTERN.exec(stamp);
  if (!match) throw new Error(`Invalid HLC stamp: ${stamp}`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), clientId: match[3]! };
}

/** Writes a stamp from its parts. */
export function formatHlc({ wallMs, counter, clientId }: HlcParts): string {
  return `${String(wallMs).padStart(WALL_DIGITS, '0')}:${String(counter).padStart(COUNTER_DIGITS, '0')}:${clientId}`;
}

/**
 * A clock for one device. `now` is passed in so tests can skew it; the state is two numbers,
 * which the device persists so a restart never goes back in time.
 */
export class HybridClock {
  private wallMs: number;
  private counter: number;

  constructor(
    readonly clientId: string,
    private readonly now: () => number = Date.now,
    last?: string,
  ) {
    const parsed = last ? parseHlc(last) : undefined;
    this.wallMs = parsed?.wallMs ?? 0;
    this.counter = parsed?.counter ?? 0;
  }

  /** Stamps a local event: never earlier than anything this clock has seen. */
  tick(): string {
    const physical = this.now();
    if (physical > this.wallMs) {
      this.wallMs = physical;
      this.counter = 0;
    } else {
      this.bumpCounter();
    }
    return this.current();
  }

  /** Folds in a stamp received from elsewhere so later local stamps sort after it. */
  receive(remote: string): void {
    const other = parseHlc(remote);
    const physical = this.now();
    const wall = Math.max(this.wallMs, other.wallMs, physical);
    if (wall === this.wallMs && wall === other.wallMs) {
      this.counter = Math.max(this.counter, other.counter);
      this.bumpCounter();
    } else if (wall === this.wallMs) {
      this.bumpCounter();
    } else if (wall === other.wallMs) {
      this.counter = other.counter;
      this.bumpCounter();
    } else {
      this.counter = 0;
    }
    this.wallMs = wall;
  }

  /** The last stamp issued, to persist. */
  current(): string {
    return formatHlc({ wallMs: this.wallMs, counter: this.counter, clientId: this.clientId });
  }

  private bumpCounter(): void {
    if (this.counter < MAX_COUNTER) {
      this.counter += 1;
    } else {
      // The counter is full: borrow the next millisecond rather than break the order.
      this.wallMs += 1;
      this.counter = 0;
    }
  }
}

/**
 * The server's view of a device stamp: a wall time more than MAX_CLOCK_DRIFT_MS ahead of the
 * server is pulled back to the server's time, so a device with a wrong clock (or a forged stamp)
 * cannot win every merge, and a correction that reaches the server later wins. `order` (the
 * mutation's place in its push) becomes the counter of a pulled-back stamp, so two such stamps
 * of one push keep their order instead of tying.
 */
export function clampHlc(stamp: string, serverNowMs: number, order = 0): string {
  const parts = parseHlc(stamp);
  if (parts.wallMs <= serverNowMs + MAX_CLOCK_DRIFT_MS) return stamp;
  return formatHlc({ ...parts, wallMs: serverNowMs, counter: Math.min(order, MAX_COUNTER) });
}
