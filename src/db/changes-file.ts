import * as v from 'valibot';
import { isHlc } from '../shared/hlc';
import { currentVersion, findMutationSchema, isMutationName, type MutationArgs, type MutationName } from '../shared/mutations';
import { applyMutationLocally } from './apply-mutation';
import { ensureClientId, META_KEYS, readMeta, writeMeta } from './meta-store';
import { receiveHlc, type OutboxRow } from './outbox-store';
import type { UserDb } from './user-db';
import { DEVICE_MESSAGES } from '../shared/errors';

/** One mutation in an exported file: what it was, and where it was first queued. */
export interface ExportedMutation {
  clientId: string;
  seq: number;
  name: string;
  v: number;
  args: unknown;
  hlc: string;
}

/** The file a person saves to rescue unsent or rejected changes (and imports on any device). */
export interface ChangesFile {
  format: 'tinkuy-changes';
  version: 1;
  exportedAt: string;
  mutations: ExportedMutation[];
}

const ChangesFileSchema = v.object({
  format: v.literal('tinkuy-changes'),
  version: v.literal(1),
  mutations: v.array(
    v.object({
      clientId: v.string(),
      seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
      name: v.string(),
      v: v.pipe(v.number(), v.integer(), v.minValue(1)),
      args: v.unknown(),
      hlc: v.pipe(v.string(), v.check(isHlc)),
    }),
  ),
});

/** Writes every queued mutation to a file and remembers up to which seq it was exported. */
export async function exportOutbox(db: UserDb): Promise<ChangesFile> {
  return db.transaction('rw', db.outbox, db.meta, async () => {
    const clientId = await ensureClientId(db.meta, db.now());
    const rows = (await db.outbox.orderBy('seq').toArray()) as (OutboxRow & { seq: number })[];
    const last = rows.at(-1)?.seq;
    if (last !== undefined) await writeMeta(db.meta, META_KEYS.exportedSeq, last);
    const mutations = rows.map((row) => ({ ...(row.origin ?? { clientId, seq: row.seq }), name: row.name, v: row.v, args: row.args, hlc: row.hlc }));
    return { format: 'tinkuy-changes', version: 1, exportedAt: new Date(db.now()).toISOString(), mutations };
  });
}

/** Writes every rejected mutation to a file and marks them exported (so they may be discarded). */
export async function exportRejectedRows(db: UserDb): Promise<ChangesFile> {
  return db.transaction('rw', db.rejected, async () => {
    const nowIso = new Date(db.now()).toISOString();
    const rows = await db.rejected.orderBy('id').toArray();
    await db.rejected.toCollection().modify({ exportedAt: nowIso });
    const mutations = rows.map((r) => ({ clientId: r.clientId, seq: r.seq, name: r.name, v: r.v, args: r.args, hlc: r.hlc }));
    return { format: 'tinkuy-changes', version: 1, exportedAt: nowIso, mutations };
  });
}

/** Whether every unsent and rejected change has been exported to a file since it was made. */
export async function isEverythingExported(db: UserDb): Promise<boolean> {
  const exportedSeq = (await readMeta<number>(db.meta, META_KEYS.exportedSeq)) ?? 0;
  const last = (await db.outbox.orderBy('seq').last())?.seq ?? 0;
  const unexported = await db.rejected.filter((r) => !r.exportedAt).count();
  return last <= exportedSeq && unexported === 0;
}

/** The result of an import: how many mutations were queued and how many were already here. */
export interface ImportResult {
  queued: number;
  skipped: number;
}

/**
 * Applies an imported mutation on this device when this build knows it, so the screen shows it.
 * One it cannot apply may still change rows on the server, rows this device would then not hold
 * as the server does: its pulls ask for its own writes back from then on (META_KEYS.echoOff).
 */
async function applyIfKnown(db: UserDb, mutation: ExportedMutation): Promise<void> {
  const isKnown = isMutationName(mutation.name) && currentVersion(mutation.name) === mutation.v;
  const schema = isKnown ? findMutationSchema(mutation.name as MutationName, mutation.v) : undefined;
  const parsed = schema ? v.safeParse(schema, mutation.args) : undefined;
  if (!parsed?.success) {
    await writeMeta(db.meta, META_KEYS.echoOff, true);
    return;
  }
  await applyMutationLocally(db, mutation.name as MutationName, parsed.output as MutationArgs<MutationName>, mutation.hlc);
}

/**
 * Re-queues the mutations of an exported file on this device, with new seqs and their original
 * HLC. Each mutation is idempotent by id and HLC on the server, and this device remembers which
 * (clientId, seq) it already imported, so importing a file twice queues nothing the second time.
 * Throws a plain Spanish Error when the file is not a Tinkuy changes file.
 */
export async function importChangesText(db: UserDb, text: string): Promise<ImportResult> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const parsed = v.safeParse(ChangesFileSchema, data);
  if (!parsed.success) throw new Error(DEVICE_MESSAGES.notChangesFile);
  const tables = [db.outbox, db.meta, db.events, db.checklistRuns, db.checklistItems];
  return db.transaction('rw', tables, async (tx) => {
    const imported = new Set((await readMeta<string[]>(db.meta, META_KEYS.imported)) ?? []);
    const ownId = await ensureClientId(db.meta, db.now());
    const queuedSeqs = new Set((await db.outbox.toCollection().primaryKeys()) as number[]);
    const result: ImportResult = { queued: 0, skipped: 0 };
    for (const m of parsed.output.mutations as ExportedMutation[]) {
      const key = `${m.clientId}:${m.seq}`;
      if (imported.has(key) || (m.clientId === ownId && queuedSeqs.has(m.seq))) {
        result.skipped += 1;
        continue;
      }
      await applyIfKnown(db, m);
      await receiveHlc(tx, m.hlc);
      await db.outbox.add({ name: m.name, v: m.v, args: m.args, hlc: m.hlc, createdAt: new Date(db.now()).toISOString(), origin: { clientId: m.clientId, seq: m.seq } });
      imported.add(key);
      result.queued += 1;
    }
    await writeMeta(db.meta, META_KEYS.imported, [...imported]);
    return result;
  });
}

/** Puts a rejected mutation back in the outbox with a NEW seq (the old one is spent on the server). */
export async function requeueRejected(db: UserDb, id: number): Promise<void> {
  await db.transaction('rw', db.rejected, db.outbox, async () => {
    const row = await db.rejected.get(id);
    if (!row) return;
    await db.outbox.add({ name: row.name, v: row.v, args: row.args, hlc: row.hlc, createdAt: row.createdAt });
    await db.rejected.delete(id);
  });
}

/** Drops a rejected mutation, only once it was exported to a file; otherwise throws in Spanish. */
export async function discardRejectedRow(db: UserDb, id: number): Promise<void> {
  await db.transaction('rw', db.rejected, async () => {
    const row = await db.rejected.get(id);
    if (!row) return;
    if (!row.exportedAt) throw new Error(DEVICE_MESSAGES.exportBeforeDiscard);
    await db.rejected.delete(id);
  });
}
