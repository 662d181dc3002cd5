import * as v from 'valibot';
import { Id, IsoDate, MAX_INT4, requiredText, StorableString, text } from './common';

/** A reserved item id whose `notApplicable` field sets a whole run aside (there is no remove mutation). */
export const RUN_ITEM_ID = 'tinkuy.run';

/** A checklist item id: a template item or a custom one. */
export const ItemId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'Identificador de ítem no válido.'));

/** `checklist.start` v1: creates a run of a template for an event, once. */
export const ChecklistStartArgs = v.strictObject({
  runId: Id,
  eventId: Id,
  templateId: v.pipe(StorableString, v.minLength(1, 'Falta la plantilla.'), v.maxLength(80, 'Identificador de plantilla demasiado largo.')),
  templateVersion: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_INT4, 'Versión de plantilla fuera de rango.')),
});
export type ChecklistStartArgs = v.InferOutput<typeof ChecklistStartArgs>;

/** The per-item fields a person can change; each merges on its own by HLC. */
export const ChecklistItemPatch = v.pipe(
  v.strictObject({
    done: v.optional(v.boolean()),
    notApplicable: v.optional(v.boolean()),
    reason: v.optional(text(500, 'El motivo')),
    note: v.optional(text(2000, 'La nota')),
    responsible: v.optional(text(120, 'El responsable')),
    dueDate: v.optional(v.nullable(IsoDate)),
  }),
  v.check((p) => Object.keys(p).length > 0, 'El cambio no modifica ningún campo.'),
);
export type ChecklistItemPatch = v.InferOutput<typeof ChecklistItemPatch>;
export type ChecklistItemField = keyof ChecklistItemPatch;

/** `checklist.setItem` v1. */
export const ChecklistSetItemArgs = v.strictObject({ runId: Id, itemId: ItemId, patch: ChecklistItemPatch });
export type ChecklistSetItemArgs = v.InferOutput<typeof ChecklistSetItemArgs>;

/** `checklist.addItem` v1: a custom item added by the manager. */
export const ChecklistAddItemArgs = v.strictObject({
  runId: Id,
  itemId: ItemId,
  section: requiredText(120, 'La sección'),
  text: requiredText(300, 'El texto del ítem'),
});
export type ChecklistAddItemArgs = v.InferOutput<typeof ChecklistAddItemArgs>;

/** A run as stored and pulled. */
export interface ChecklistRunRow {
  id: string;
  eventId: string;
  templateId: string;
  templateVersion: number;
  ownerId: string;
  customItems: { itemId: string; section: string; text: string }[];
  updatedAt: string;
}

/** One item's state in a run, as stored and pulled; `fieldHlc` says who wrote each field last. */
export interface ChecklistItemRow {
  runId: string;
  itemId: string;
  state: ChecklistItemPatch;
  fieldHlc: Partial<Record<ChecklistItemField, string>>;
  updatedAt: string;
}
