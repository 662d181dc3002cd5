/**
 * No echo (#12, DESIGN.md § Sync protocol): a device does not download back a row whose latest
 * state it wrote itself. A write is marked with the pushing device's id only when the stored
 * result is exactly what that device's own local effect already made of it:
 * - the mutation's HLC was not clamped (the device stamped its fields with the same HLC);
 * - the device held the row as the server had it: the row did not exist, or its current version
 *   carries the same device's mark, or that version is at most the device's pull cursor sent
 *   with the push (the device pulled it, and pulls wait for an empty outbox, so every local
 *   effect since then is in this push or an earlier one, applied here in the same order);
 * - the handler's merge is the device's (events: see `isSameMerge` in its handler).
 * Anything else leaves the mark empty and the row comes back. A device whose copy may hold an
 * effect the server refused stops asking for skips (the device's META_KEYS.echoOff).
 * The mark names a version: any later write, by whatever path, moves `version` and voids it.
 */
import { sql } from 'kysely';
import type { EchoColumns } from '../store/schema';
import { nextVersion } from '../store/version';
import type { MutationContext } from './mutation-context';

/** The stored part a pull and a handler need to judge a mark. */
type Marked = Partial<EchoColumns> & { version: number | string };

/** The pushing device, when its local effects can be the server's: its id and its user pull cursor. */
export interface EchoWriter {
  clientId: string;
  /** Every row at a version up to this one is on the device as the server had it. */
  heldUpTo: number;
}

const NO_MARK: EchoColumns = { echo_client: null, echo_version: null };

/** Whether `stored` is, at its current version, exactly what device `clientId` wrote. */
export function isEchoOf(stored: Marked, clientId: string | undefined): boolean {
  if (!clientId || stored.echo_client !== clientId) return false;
  return stored.echo_version !== null && stored.echo_version !== undefined && Number(stored.echo_version) === Number(stored.version);
}

/**
 * The mark for a row written at `version` by the mutation in `ctx`, over the row as it was
 * (`prior`, undefined for a new row): the device's id when the device already holds the result,
 * nulls otherwise. `isSameMerge`: false when the device's merge could have come out otherwise
 * than the server's (the device's copy lacks something the merge reads).
 */
export function markEcho(ctx: MutationContext, version: number, prior: Marked | undefined, isSameMerge = true): EchoColumns {
  const writer = ctx.echo;
  if (!writer || !isSameMerge) return NO_MARK;
  const isHeld = prior === undefined || isEchoOf(prior, writer.clientId) || Number(prior.version) <= writer.heldUpTo;
  return isHeld ? { echo_client: writer.clientId, echo_version: version } : NO_MARK;
}

/**
 * The columns a row the device creates starts with: live, at the next version, written now, and
 * marked as the writer's echo (the device made it from scratch, so it holds it exactly).
 */
export async function startRowColumns(ctx: MutationContext): Promise<{ deleted: 0; version: number; updated_at: string } & EchoColumns> {
  const version = await nextVersion(ctx.trx);
  return { deleted: 0, version, updated_at: ctx.nowIso, ...markEcho(ctx, version, undefined) };
}

// The pulled tables are queried untyped (their builder types differ per table), as in visibility.ts.
type Narrowable<Q> = { where: (...args: any[]) => Q };

/** Narrows a pulled table's query to rows that are NOT, at their current version, device `clientId`'s own write (NULLs count as unmarked). */
export function whereNotEchoOf<Q extends Narrowable<Q>>(query: Q, clientId: string): Q {
  return query.where(sql<boolean>`not (coalesce(echo_client, '') = ${clientId} and coalesce(echo_version, -1) = version)`);
}

/** Narrows a pulled table's query to the rows that ARE device `clientId`'s own write at their current version (see `isEchoOf`). */
export function whereEchoOf<Q extends Narrowable<Q>>(query: Q, clientId: string): Q {
  return query.where(sql<boolean>`(echo_client = ${clientId} and echo_version = version)`);
}
