import type { ImportResult } from '../db/changes-file';
import { syncNow } from './sync-model';

/**
 * The changes files and the "Requiere atención" list's actions: retry or discard a refused
 * change, export what waits to a JSON file, import such a file on another device. Everything
 * here works offline (a file carries the changes to a phone with a connection); the code and its
 * schemas load only when the person uses them.
 */

export type { ImportResult };

async function openChangesFiles() {
  const [connection, files] = await Promise.all([import('../db/connection'), import('../db/changes-file')]);
  return { files, db: connection.getDatabases().user };
}

/** Puts a rejected change back in the queue (with a new seq) and tries to send it soon. */
export async function retryRejected(id: number): Promise<void> {
  const { files, db } = await openChangesFiles();
  await files.requeueRejected(db, id);
  void syncNow();
}

/** Drops a rejected change; refused (Spanish error) until it was exported to a file. */
export async function discardRejected(id: number): Promise<void> {
  const { files, db } = await openChangesFiles();
  await files.discardRejectedRow(db, id);
}

function toJsonBlob(value: unknown): Blob {
  return new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
}

/** A JSON file of every unsent change (name, v, args, hlc, original clientId and seq). */
export async function exportPending(): Promise<Blob> {
  const { files, db } = await openChangesFiles();
  return toJsonBlob(await files.exportOutbox(db));
}

/** A JSON file of every rejected change; after it, they may be discarded. */
export async function exportRejected(): Promise<Blob> {
  const { files, db } = await openChangesFiles();
  return toJsonBlob(await files.exportRejectedRows(db));
}

/** Re-queues the changes of an exported file on this device; a second import of the same file adds nothing. */
export async function importChanges(file: Blob): Promise<ImportResult> {
  const { files, db } = await openChangesFiles();
  const result = await files.importChangesText(db, await file.text());
  if (result.queued > 0) void syncNow();
  return result;
}

/** A file name for an export, by Lima date: `tinkuy-cambios-pendientes-2026-11-29.json`. */
export function buildExportFileName(kind: 'pendientes' | 'rechazados', now: Date = new Date()): string {
  const day = now.toLocaleDateString('en-CA', { timeZone: 'America/Lima' });
  return `tinkuy-cambios-${kind}-${day}.json`;
}
