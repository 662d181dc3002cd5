/**
 * The participants' window of a workshop (#12: plain functions, no schema library, so a
 * participant's door draws it from its own small chunk; src/shared/schemas/workshop.ts re-exports it).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When participants without an account may check in and send feedback: from one day before
 * the start to two days after the end, judged by the SERVER's clock when the push arrives (the
 * two days leave time to reach a signal). The device can use it to warn before queueing.
 */
export const WORKSHOP_WINDOW = { opensBeforeMs: DAY_MS, closesAfterMs: 2 * DAY_MS } as const;

/** The participants' window of a workshop, as ISO UTC instants. */
export function findWorkshopWindow(workshop: { startsAt: string; endsAt: string }): { opensAt: string; closesAt: string } {
  return {
    opensAt: new Date(Date.parse(workshop.startsAt) - WORKSHOP_WINDOW.opensBeforeMs).toISOString(),
    closesAt: new Date(Date.parse(workshop.endsAt) + WORKSHOP_WINDOW.closesAfterMs).toISOString(),
  };
}

/**
 * Whether participants can still check in and give feedback: the shared window (1 day before the
 * start to 2 days after the end), the same function the server decides with; the device only
 * uses it to warn before queueing.
 */
export function isWindowOpen(workshop: { startsAt: string; endsAt: string }, nowMs: number = Date.now()): boolean {
  const { opensAt, closesAt } = findWorkshopWindow(workshop);
  return nowMs >= Date.parse(opensAt) && nowMs <= Date.parse(closesAt);
}

/** Where `nowMs` falls against the participants' window: before it opens, inside, or after it closed. */
export function findWindowState(workshop: { startsAt: string; endsAt: string }, nowMs: number = Date.now()): 'not-yet' | 'open' | 'closed' {
  if (isWindowOpen(workshop, nowMs)) return 'open';
  return nowMs < Date.parse(workshop.startsAt) ? 'not-yet' : 'closed';
}
