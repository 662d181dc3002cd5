/**
 * A small semaphore in front of scrypt (security report M5). Node runs scrypt on libuv's
 * thread pool (4 threads), which gzip and file reads share: 50 logins at once took all four
 * and a catalogue pull went from 118 ms to 4.3 s. With at most HASH_SLOTS derivations at a
 * time the others wait in line, and past MAX_WAITING a login gets 503 with Retry-After.
 *
 * While logins wait, each slot also rests twice as long as its derivation took before the
 * next one starts (REST_RATIO): no answer is delayed by it, but under a flood hashing takes at
 * most a third of a core per slot. On a small machine (2 cores, shared with other services;
 * Linux shares CPU per process group) a slot busy all the time took half the server's CPU and
 * doubled the pull even with threads to spare. So a flood of logins slows logins (about 6 a
 * second per slot), not the rest of the server.
 */
import { availableParallelism } from 'node:os';
import { REFUSALS } from '../../shared/errors';
import { HttpError } from '../http/errors';

/** One derivation per spare core, at most two: the pool keeps threads for gzip and files. */
export const HASH_SLOTS = Math.max(1, Math.min(2, availableParallelism() - 1));
/** Logins waiting for a slot before the next is turned away (under a flood each holds a slot about 150 ms). */
export const MAX_WAITING = 64;
const RETRY_AFTER_SECONDS = 5;
/** A slot's rest after a derivation, as a multiple of the time it took. */
export const REST_RATIO = 2;

/**
 * Runs tasks at most `slots` at a time; a task arriving with `maxWaiting` already queued is
 * refused with 503. When tasks wait, a finished task's slot rests `restRatio` × its time first.
 */
export function createHashGate(slots: number, maxWaiting: number, restRatio = 0) {
  let active = 0;
  const waiting: (() => void)[] = [];
  // The slot is handed to the next waiting task, so `active` stays; or it is given back.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < slots) {
        active += 1;
      } else {
        if (waiting.length >= maxWaiting) {
          throw new HttpError(503, 'unavailable', REFUSALS.tooManyLogins, undefined, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      const started = performance.now();
      try {
        return await task();
      } finally {
        // Only a queue waits for the rest: a login alone goes on at once.
        const restMs = waiting.length > 0 ? (performance.now() - started) * restRatio : 0;
        if (restMs > 0) setTimeout(release, restMs);
        else release();
      }
    },
    /** How many tasks run and wait now (for tests and the bench). */
    load: () => ({ active, waiting: waiting.length }),
  };
}

/** The process's one gate for every password hash and check. */
export const HASH_GATE = createHashGate(HASH_SLOTS, MAX_WAITING, REST_RATIO);
