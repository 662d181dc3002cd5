import * as v from 'valibot';
import { isSha256, MAX_MEDIA_BYTES, MAX_PHOTO_SIDE } from '../media';
import { Id, IsoInstant, text } from './common';
import { ItemId } from './checklist';

/** A photo's content hash: SHA-256 of its bytes, 64 lowercase hex digits. */
export const Sha256 = v.pipe(v.string(), v.check(isSha256, 'La huella de la foto (SHA-256) no es válida.'));

const Side = (label: string) =>
  v.pipe(
    v.number(),
    v.integer(`${label} de la foto debe ser un número entero de píxeles.`),
    v.minValue(1, `${label} de la foto debe ser de al menos 1 píxel.`),
    v.maxValue(MAX_PHOTO_SIDE, `${label} de la foto no puede pasar de ${MAX_PHOTO_SIDE} píxeles; redúzcala antes de adjuntarla.`),
  );

/** `checklist.attachPhoto` v1: a photo joins a checklist item; the image goes apart, by its hash. */
export const ChecklistAttachPhotoArgs = v.strictObject({
  runId: Id,
  itemId: ItemId,
  photoId: Id,
  sha256: Sha256,
  width: Side('El ancho'),
  height: Side('El alto'),
  bytes: v.pipe(
    v.number(),
    v.integer('El tamaño de la foto debe ser un número entero de bytes.'),
    v.minValue(1, 'La foto está vacía.'),
    v.maxValue(MAX_MEDIA_BYTES, 'La foto pesa más de 1 MiB; redúzcala antes de adjuntarla.'),
  ),
  takenAt: v.optional(IsoInstant),
  caption: v.optional(text(300, 'La leyenda')),
});
export type ChecklistAttachPhotoArgs = v.InferOutput<typeof ChecklistAttachPhotoArgs>;

/** `checklist.removePhoto` v1: the photo leaves the item for good (a new attach has a new photoId). */
export const ChecklistRemovePhotoArgs = v.strictObject({ runId: Id, itemId: ItemId, photoId: Id });
export type ChecklistRemovePhotoArgs = v.InferOutput<typeof ChecklistRemovePhotoArgs>;

/**
 * A photo of a checklist item as stored and pulled (`change.table` `checklistPhotos`, `change.id`
 * = `photoId`). A removed photo is pulled as a tombstone (`deleted: true`).
 */
export interface ChecklistPhotoRow {
  id: string;
  runId: string;
  itemId: string;
  eventId: string;
  ownerId: string;
  sha256: string;
  width: number;
  height: number;
  bytes: number;
  takenAt?: string;
  caption?: string;
  updatedAt: string;
}
