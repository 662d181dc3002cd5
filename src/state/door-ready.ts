/**
 * A participant's door (#12) holds back what it does not need to offer «Registrar mi asistencia»:
 * the sync runtime and the service worker's registration start once the door has drawn its
 * workshop (or said it has none), so on Slow 3G they do not take the browser's six connections
 * from the screen's own chunks and its one request. Tiny: part of the main chunk.
 */

/** Longest wait: a door that never says it is ready still gets sync and offline support. */
export const DOOR_READY_FALLBACK_MS = 15_000;

let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (markReady = resolve));

/** The door has drawn what the person came for: the held-back work may start. */
export function markDoorReady(): void {
  markReady();
}

/** Resolves when the door is ready, or after `fallbackMs` at the latest. */
export function whenDoorReady(fallbackMs = DOOR_READY_FALLBACK_MS): Promise<void> {
  return Promise.race([ready, new Promise<void>((resolve) => setTimeout(resolve, fallbackMs))]);
}
