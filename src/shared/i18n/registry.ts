/**
 * The strings loaded so far. The shell's area is always here (it ships in the main chunk); every
 * other area adds itself when its module is imported by the lazy chunk that uses it, so a phone
 * downloads a section's words with the section — offline they come from the precache with it.
 */
const loaded: Record<string, string> = {};

/** Adds an area's strings (idempotent: importing an area twice changes nothing). */
export function addMessages(area: Readonly<Record<string, string>>): void {
  Object.assign(loaded, area);
}

/** The template of `key`, or undefined while its area is not loaded. */
export function readMessage(key: string): string | undefined {
  return loaded[key];
}
