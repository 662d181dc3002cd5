/**
 * What the SERVER holds, read from outside as a device would (its pull API) and, where the API
 * does not say it, from its SQLite file (read-only). Tests compare it with what phones show.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Change } from '../../src/shared/protocol';
import type { EventRow } from '../../src/shared/schemas/event';
import { apiLogIn, COORDINADOR, type Account } from './e2e-accounts';
import type { RunningServer } from './e2e-server';
import { pullAll } from './pull';

/** The latest change of each record (`table:id`), as a device ends up holding them. */
export function latestByRecord<T>(changes: readonly Change<T>[]): Map<string, Change<T>> {
  return new Map(changes.map((change) => [`${change.table}:${change.id}`, change]));
}

/** A change as the tests read it: any record's fields by name. */
export type ServerChange = Change<Record<string, unknown>>;

/** Every user-scope change the server serves to `account` (a gestor sees their own). */
export async function readServerData(server: RunningServer, account: Account = COORDINADOR): Promise<ServerChange[]> {
  const session = await apiLogIn(server, account);
  return (await pullAll(server, session)).changes as ServerChange[];
}

/** What the server holds, read the way a coordinador's device would and from its database. */
export interface ServerView {
  /** Every event row the coordinador can pull, by id. */
  events: Map<string, EventRow>;
  /** The global version counter: it moves once per applied change, so a second effect shows. */
  version: number;
  /** Every device's last handled seq. */
  lastSeqs: number[];
  /** How many event rows the server table has (each id at most once: the primary key). */
  eventRows: number;
}

/** Reads what the server holds now (API pull as the coordinador + its SQLite file, read-only). */
export async function readServer(server: RunningServer): Promise<ServerView> {
  const events = new Map<string, EventRow>();
  for (const change of latestByRecord(await readServerData(server)).values()) {
    if (change.table === 'events' && change.row) events.set(change.id, change.row as unknown as EventRow);
  }
  const db = new Database(join(server.dataDir, 'tinkuy.db'), { readonly: true, fileMustExist: true });
  try {
    const version = Number((db.prepare('select value from sync_version where id = 1').get() as { value: number }).value);
    const lastSeqs = (db.prepare('select last_seq from sync_clients').all() as { last_seq: number }[]).map((r) => Number(r.last_seq));
    const eventRows = Number((db.prepare('select count(*) as n from events').get() as { n: number }).n);
    return { events, version, lastSeqs, eventRows };
  } finally {
    db.close();
  }
}

/** The events with these titles on the server: each title must be there exactly once. */
export function countByTitle(view: ServerView, titles: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(titles.map((title) => [title, 0]));
  for (const row of view.events.values()) if (row.title in counts) counts[row.title]! += 1;
  return counts;
}

/**
 * Moves every device session of the server past its end (access and refresh tokens), as if the
 * phone had stayed offline for more than 90 days: written straight into the server's SQLite file
 * because no clock of the running server can be moved from outside.
 */
export function expireAllSessions(server: RunningServer): number {
  const db = new Database(join(server.dataDir, 'tinkuy.db'), { fileMustExist: true, timeout: 5_000 });
  try {
    const past = new Date(Date.now() - 60_000).toISOString();
    return db.prepare('update device_sessions set access_expires_at = ?, refresh_expires_at = ?').run(past, past).changes;
  } finally {
    db.close();
  }
}
