import type { ChecklistAttachPhotoArgs, ChecklistPhotoRow, ChecklistRemovePhotoArgs } from '../../../shared/schemas/checklist-photo';
import type { ChecklistPhotosTable } from '../../store/schema';
import { nextVersion } from '../../store/version';
import { markEcho, startRowColumns } from '../echo';
import type { MutationContext, MutationOutcome } from '../mutation-context';
import { findOwnRun } from './checklist';

const APPLIED: MutationOutcome = { applied: true };

/** Why a second attach under the same photo id is refused: it names another image or item. */
const PHOTO_ID_TAKEN = 'Ya existe una foto con este identificador en otro ítem o con otra imagen; no se cambió.';

/**
 * `checklist.attachPhoto` v1: the photo joins the item once (a replay changes nothing). Only the
 * event's owner attaches; the image itself arrives apart and may come later or never.
 */
export async function applyChecklistAttachPhoto(ctx: MutationContext, args: ChecklistAttachPhotoArgs): Promise<MutationOutcome> {
  const { run, refusal } = await findOwnRun(ctx, args.runId);
  if (refusal) return refusal;
  const existing = await ctx.trx.selectFrom('checklist_photos').select(['run_id', 'item_id', 'sha256']).where('id', '=', args.photoId).executeTakeFirst();
  if (existing) {
    const isSame = existing.run_id === args.runId && existing.item_id === args.itemId && existing.sha256 === args.sha256;
    return isSame ? APPLIED : { applied: false, code: 'conflict', message: PHOTO_ID_TAKEN };
  }
  await ctx.trx
    .insertInto('checklist_photos')
    .values({
      id: args.photoId,
      run_id: args.runId,
      item_id: args.itemId,
      event_id: run.event_id,
      owner_id: run.owner_id,
      sha256: args.sha256,
      width: args.width,
      height: args.height,
      bytes: args.bytes,
      taken_at: args.takenAt ?? null,
      caption: args.caption ?? null,
      // The phone made this row itself (no echo): it keeps what it needs of it (the event and
      // owner it leaves out, it has no use for).
      ...(await startRowColumns(ctx)),
    })
    .execute();
  return APPLIED;
}

/**
 * `checklist.removePhoto` v1: the photo leaves the item for good; its caption and time go with
 * it, its image is no longer served through it, and its bytes go at the next sweep (media-erasure.ts).
 */
export async function applyChecklistRemovePhoto(ctx: MutationContext, args: ChecklistRemovePhotoArgs): Promise<MutationOutcome> {
  const { refusal } = await findOwnRun(ctx, args.runId);
  if (refusal) return refusal;
  const photo = await ctx.trx
    .selectFrom('checklist_photos')
    .select(['run_id', 'item_id', 'deleted', 'version', 'echo_client', 'echo_version'])
    .where('id', '=', args.photoId)
    .executeTakeFirst();
  if (!photo || photo.run_id !== args.runId || photo.item_id !== args.itemId) return { applied: false, code: 'missing_record' };
  if (photo.deleted === 1) return APPLIED;
  const version = await nextVersion(ctx.trx);
  // The phone deleted the row itself; the tombstone is its echo when it held the row as stored.
  const tombstone = { deleted: 1, caption: null, taken_at: null, version, updated_at: ctx.nowIso, ...markEcho(ctx, version, photo) };
  await ctx.trx.updateTable('checklist_photos').set(tombstone).where('id', '=', args.photoId).execute();
  return APPLIED;
}

/** A stored photo as devices pull it. */
export function toChecklistPhotoRow(stored: ChecklistPhotosTable): ChecklistPhotoRow {
  return {
    id: stored.id,
    runId: stored.run_id,
    itemId: stored.item_id,
    eventId: stored.event_id,
    ownerId: stored.owner_id,
    sha256: stored.sha256,
    width: Number(stored.width),
    height: Number(stored.height),
    bytes: Number(stored.bytes),
    ...(stored.taken_at !== null ? { takenAt: stored.taken_at } : {}),
    ...(stored.caption !== null ? { caption: stored.caption } : {}),
    updatedAt: stored.updated_at,
  };
}
