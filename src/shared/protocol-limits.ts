/**
 * The sync protocol's size limits, apart from the schemas in `protocol.ts` so the device's main
 * bundle can read them without loading valibot (about 2.4 KiB gzip on the critical path).
 */

/** At most this many mutations in one push. */
export const MAX_PUSH_MUTATIONS = 500;
/**
 * At most this many mutations in a push without a session (a participant's phone: one check-in
 * and one opinion, and a few retries). More is a 413 (security report H4).
 */
export const MAX_PARTICIPANT_PUSH_MUTATIONS = 5;
/** Largest push body once decompressed. */
export const MAX_PUSH_BYTES = 1024 * 1024;
/** At most this many changes in one pull page. */
export const MAX_PULL_LIMIT = 500;
