import { ERROR_MESSAGES } from '../shared/errors';
import { PushResponse, type PullScope, type WireMutation } from '../shared/protocol';
import { MAX_PARTICIPANT_PUSH_MUTATIONS, MAX_PULL_LIMIT, MAX_PUSH_BYTES, MAX_PUSH_MUTATIONS } from '../shared/protocol-limits';
import { getClientId, META_KEYS, readMeta, readSession } from '../db/meta-store';
import { readCatalogueCursor } from '../db/catalogue-meta-store';
import { readOutboxHead, type QueuedMutation } from '../db/outbox-store';
import { keepRejected, toRejectedRow } from '../db/rejected-store';
import type { UserDb } from '../db/user-db';
import { UNDO_TABLES, undoRefusedInCatalogue, undoRefusedInUser } from '../db/undo-refused';
import { isLeadsRewindDue, rewindOnceForLeads } from '../db/workshop-leads-store';
import { classifyFailure, networkOutcome, type SyncOutcome } from './retry-policy';
import { readAnswer, unreadableOutcome } from './read-answer';
import { isOutcome, sendAuthorised, type RoundState, type SyncContext } from './sync-context';
import { encodeJsonBody } from './transport';
import { applyUserPage } from './pull';
import { clearSuspect, countLoneFailure, isServerFailure, readSuspectSeq } from './push-isolation';

const ENVELOPE_BYTES = 200;

/** The wire form of a queued mutation. */
function toWire(row: QueuedMutation): WireMutation {
  return { seq: row.seq, name: row.name, v: row.v, args: row.args, hlc: row.hlc };
}

/** A participant's mutation: it carries a workshop's public code, so it may go without an account. */
export function isCodeOnly(row: QueuedMutation): boolean {
  const args = row.args as { workshopCode?: unknown } | null | undefined;
  return typeof args?.workshopCode === 'string' && args.workshopCode.length > 0;
}

/**
 * The rows to send next. Without a usable session only the leading participant's mutations
 * (each with a workshop code) can go, sent without a bearer; the rest waits for a login.
 */
async function selectSendable(db: UserDb, rows: QueuedMutation[]): Promise<{ rows: QueuedMutation[]; isAnonymous: boolean }> {
  const session = await readSession(db);
  if (session && !session.expired) return { rows, isAnonymous: false };
  const end = rows.findIndex((row) => !isCodeOnly(row));
  const prefix = end === -1 ? rows : rows.slice(0, end);
  return prefix.length > 0 ? { rows: prefix, isAnonymous: true } : { rows, isAnonymous: false };
}

async function sendAnonymously(ctx: SyncContext, init: RequestInit): Promise<Response | SyncOutcome> {
  try {
    return await ctx.transport('/api/sync/push', init);
  } catch {
    return networkOutcome();
  }
}

/** The longest prefix of `rows` that fits in one push body (≤ MAX_PUSH_BYTES once decompressed); at least one row. */
export function fitBatch(rows: QueuedMutation[], maxBytes: number = MAX_PUSH_BYTES): QueuedMutation[] {
  const encoder = new TextEncoder();
  let bytes = ENVELOPE_BYTES;
  let count = 0;
  for (const row of rows) {
    bytes += encoder.encode(JSON.stringify(toWire(row))).length + 1;
    if (bytes > maxBytes && count > 0) break;
    count += 1;
  }
  return rows.slice(0, count);
}

/**
 * Settles an accepted push in ONE transaction: rows up to `lastSeq` leave the outbox, and those
 * the server rejected move to the "Requiere atención" list. Rows after `lastSeq` stay queued.
 * A refused change is also undone on this device (undo-refused.ts): its record is dropped and
 * the user cursor rewound, so the pull that follows restores what the server holds. Returns how
 * many rows left the outbox and the refused ones the catalogue must undo too.
 */
export async function settlePush(db: UserDb, clientId: string, answer: PushResponse): Promise<{ handled: number; catalogueUndo: QueuedMutation[] }> {
  const reasons = new Map(answer.rejected.map((r) => [r.seq, r]));
  const nowIso = new Date(db.now()).toISOString();
  // UNDO_TABLES holds `meta`: keepRejected turns off echo skipping in the same transaction (#12).
  const undoTables = UNDO_TABLES.map((name) => db.table(name));
  return db.transaction('rw', [db.outbox, db.rejected, ...undoTables], async () => {
    const handled = (await db.outbox.where('seq').belowOrEqual(answer.lastSeq).toArray()) as QueuedMutation[];
    const refused = handled.filter((row) => reasons.has(row.seq));
    for (const row of refused) await keepRejected(db, toRejectedRow(row, clientId, reasons.get(row.seq)!, nowIso));
    await db.outbox.where('seq').belowOrEqual(answer.lastSeq).delete();
    const needsCatalogue = await undoRefusedInUser(db, refused);
    return { handled: handled.length, catalogueUndo: needsCatalogue ? refused : [] };
  });
}

/**
 * Whether a push asks for the user page in its answer (#12), as the pull after it would: only the
 * push that empties the outbox, signed in, with echo skipping on, and no leads rewind due (from
 * cursor 0 that rewind is only its mark, set here as the pull would).
 */
async function asksForUserPage(db: UserDb, batch: QueuedMutation[], isAnonymous: boolean): Promise<boolean> {
  if (isAnonymous || batch.length !== (await db.outbox.count())) return false;
  if ((await readMeta<boolean>(db.meta, META_KEYS.echoOff)) || (await isLeadsRewindDue(db))) return false;
  await rewindOnceForLeads(db);
  return true;
}

/**
 * Lands the user page a push's answer carried (#12) when the device is still where the page
 * starts and nothing waits; returns the news left for the round: the user scope drops out once
 * its last page is in. Only for a clean answer: a refusal rewinds the cursor.
 */
async function takeUserPage(db: UserDb, answer: PushResponse, from: number): Promise<readonly PullScope[] | undefined> {
  const page = answer.userPage;
  if (!answer.news || !page || page.cursor < from || !(await applyUserPage(db, page, from))) return answer.news;
  return page.hasMore ? answer.news : answer.news.filter((scope) => scope !== 'user');
}

/** Moves a single mutation too big for any push to the attention list, so it does not block the queue. */
async function rejectOversized(db: UserDb, clientId: string, row: QueuedMutation): Promise<void> {
  const reason = { code: 'payload_too_large', message: ERROR_MESSAGES.payload_too_large };
  await db.transaction('rw', db.outbox, db.rejected, db.meta, async () => {
    await keepRejected(db, toRejectedRow(row, clientId, reason, new Date(db.now()).toISOString()));
    await db.outbox.delete(row.seq);
  });
}

/**
 * Drains the outbox in seq order, in batches of ≤ 500 mutations and ≤ 1 MiB, gzip, with the
 * bearer token (a participant without an account sends code-carrying mutations without one,
 * at most MAX_PARTICIPANT_PUSH_MUTATIONS at a time).
 * Loops until the outbox is empty (`done`) or a failure stops it; on failure the unsent rows
 * stay where they are. A 413 halves the batch and tries again; so does a 500, until the one
 * mutation the server fails on is alone, and that one is held back after a few tries
 * (push-isolation.ts) so it cannot stop the queue forever.
 */
export async function drainOutbox(ctx: SyncContext, round: RoundState): Promise<SyncOutcome> {
  const db = ctx.user;
  const clientId = await getClientId(db);
  const total = await db.outbox.count();
  let maxCount = MAX_PUSH_MUTATIONS;
  let sent = 0;
  // What the last answer said is new for this device (only a clean last answer counts).
  let news: readonly PullScope[] | undefined;
  for (;;) {
    const head = await readOutboxHead(db, maxCount);
    // A mutation that met a 500 alone goes alone again, so the rest is not held up by it.
    const isSuspect = head.length > 0 && head[0]!.seq === (await readSuspectSeq(db));
    const sendable = await selectSendable(db, isSuspect ? head.slice(0, 1) : head);
    // Without a session the server takes only a handful per push (a 413 otherwise).
    const batch = fitBatch(sendable.isAnonymous ? sendable.rows.slice(0, MAX_PARTICIPANT_PUSH_MUTATIONS) : sendable.rows);
    if (batch.length === 0) return news ? { kind: 'done', news } : { kind: 'done' };
    // The pull cursors tell the server which rows this device holds as it has them (#12, no
    // echo), and let it answer which scopes are worth a pull after this push.
    const asksPage = await asksForUserPage(db, batch, sendable.isAnonymous);
    const cursor = (await readMeta<number>(db.meta, META_KEYS.userCursor)) ?? 0;
    const catalogueCursor = await readCatalogueCursor(ctx.catalogue);
    const { body, headers } = await encodeJsonBody({ clientId, mutations: batch.map(toWire), cursor, catalogueCursor, ...(asksPage ? { pullLimit: MAX_PULL_LIMIT } : {}) });
    const response = sendable.isAnonymous
      ? await sendAnonymously(ctx, { method: 'POST', headers, body })
      : await sendAuthorised(ctx, round, (token) =>
          ctx.transport('/api/sync/push', { method: 'POST', headers: { ...headers, authorization: `Bearer ${token}` }, body }),
        );
    if (isOutcome(response)) return response;
    if (response.status === 413) {
      if (batch.length === 1) await rejectOversized(db, clientId, batch[0]!);
      maxCount = Math.max(1, Math.ceil(batch.length / 2));
      continue;
    }
    if (isServerFailure(response.status)) {
      if (batch.length > 1) {
        maxCount = Math.ceil(batch.length / 2);
        continue;
      }
      if (await countLoneFailure(db, clientId, batch[0]!)) {
        maxCount = MAX_PUSH_MUTATIONS;
        continue;
      }
    }
    if (!response.ok) return classifyFailure(response, db.now());
    const answer = await readAnswer(response, PushResponse);
    if (!answer) return unreadableOutcome();
    if (answer.lastSeq < batch[0]!.seq) return { kind: 'failed', message: ERROR_MESSAGES.internal };
    await clearSuspect(db, answer.lastSeq);
    const settled = await settlePush(db, clientId, answer);
    if (settled.catalogueUndo.length > 0) await undoRefusedInCatalogue(ctx.catalogue, settled.catalogueUndo);
    // A refusal rewinds a cursor (undo-refused.ts): the round must pull whatever the answer said.
    news = answer.rejected.length === 0 ? await takeUserPage(db, answer, cursor) : undefined;
    sent += settled.handled;
    ctx.onProgress?.({ sent, total: Math.max(total, sent) });
  }
}
