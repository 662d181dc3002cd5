import * as v from 'valibot';
import { Id, IsoInstant, isNotBefore, PlaceCode, requiredText, StorableString, text } from './common';
import { isSafeHttpsLink } from '../safe-link';

export const WORKSHOP_MODALITIES = ['presencial', 'virtual', 'hibrida'] as const;

/** Letters and digits that cannot be mistaken for each other when read aloud or typed (no 0/O, 1/I/L). */
export const WORKSHOP_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const WORKSHOP_CODE_LENGTH = 6;

/** A workshop's short public code, as participants type it (upper-case, 6 characters). */
export const WorkshopCode = v.pipe(
  v.string(),
  v.trim(),
  v.toUpperCase(),
  v.regex(new RegExp(`^[${WORKSHOP_CODE_ALPHABET}]{${WORKSHOP_CODE_LENGTH}}$`), 'El código del taller tiene 6 letras o números.'),
);

/** A meeting link: https, and no `usuario@` or backslash that would make it read as another site. */
const WorkshopLink = v.pipe(
  StorableString,
  v.trim(),
  v.url('El enlace no es válido.'),
  v.startsWith('https://', 'El enlace debe empezar con https://'),
  v.check(isSafeHttpsLink, 'El enlace no es válido: escriba la dirección de la reunión sin «usuario@» ni barras invertidas.'),
);

/** `workshop.save` v1: a facilitador creates or edits a workshop; fields merge one by one by HLC. */
export const WorkshopSaveArgs = v.pipe(
  v.strictObject({
    id: Id,
    code: WorkshopCode,
    title: requiredText(200, 'El título'),
    topic: requiredText(200, 'El tema'),
    startsAt: IsoInstant,
    endsAt: IsoInstant,
    modality: v.picklist(WORKSHOP_MODALITIES, 'Modalidad no válida.'),
    placeCode: v.optional(PlaceCode),
    venue: v.optional(text(200, 'El lugar')),
    link: v.optional(WorkshopLink),
    capacity: v.pipe(v.number(), v.integer(), v.minValue(1, 'La capacidad debe ser al menos 1.'), v.maxValue(10_000)),
    facilitators: v.pipe(v.array(requiredText(120, 'El nombre del facilitador')), v.maxLength(10)),
    // Accounts of facilitadores who run it with its owner (issue 9); set by the owner or coordinación.
    // Never in the public programme: only the workshop's own staff pull it (WorkshopLeadRow).
    cofacilitatorIds: v.optional(v.pipe(v.array(Id), v.maxLength(10, 'Un taller tiene a lo más 10 co-facilitadores.'))),
  }),
  v.check((w) => isNotBefore(w.endsAt, w.startsAt), 'El taller no puede terminar antes de empezar.'),
);
export type WorkshopSaveArgs = v.InferOutput<typeof WorkshopSaveArgs>;

/** A workshop as pulled (scope catalogue: anyone reads the programme; no account data in it). */
export interface WorkshopRow extends Omit<WorkshopSaveArgs, 'cofacilitatorIds'> {
  updatedAt: string;
}

/** Who leads a workshop, pulled in the user scope by those who may change it (never anonymously). */
export interface WorkshopLeadRow {
  id: string;
  ownerId: string;
  /** The co-facilitadores named by account (absent from servers before issue 9's team). */
  cofacilitatorIds?: string[];
}

/** A facilitador account an owner may name as co-facilitador (`GET /api/staff/facilitators`). */
export interface FacilitatorAccount {
  id: string;
  name: string;
}

// The participants' window lives apart (no schema library), so a participant's door draws it without one.
export { WORKSHOP_WINDOW, findWorkshopWindow } from '../workshop-window';
