/**
 * Checklist templates: the YAML authors write and the compiled form the device pulls. Item ids
 * never change once published, because runs made offline refer to them for months.
 */
import * as v from 'valibot';
import { EVENT_TYPES } from '../schemas/event';
import { line, Slug, SUMMARY_MAX } from './entry';
import { ValorData } from './valores';

/** The event answers a condition can test; `[]` music lists are refused as meaningless. */
export const EventConditions = v.strictObject({
  outdoors: v.optional(v.boolean('Se esperaba true o false.')),
  heritageSite: v.optional(v.boolean('Se esperaba true o false.')),
  minors: v.optional(v.boolean('Se esperaba true o false.')),
  music: v.optional(
    v.pipe(
      v.array(v.picklist(['none', 'recorded', 'live'], 'Música: use none, recorded o live.')),
      v.minLength(1, 'Indique al menos un tipo de música.'),
    ),
  ),
  minAudience: v.optional(v.pipe(v.number('Se esperaba un número.'), v.integer('Se esperaba un número entero.'), v.minValue(0, 'No puede ser negativo.'))),
  types: v.optional(
    v.pipe(
      v.array(v.picklist(EVENT_TYPES, `Tipo de evento desconocido; use: ${EVENT_TYPES.join(', ')}.`)),
      v.minLength(1, 'Indique al menos un tipo de evento.'),
    ),
  ),
});
export type EventConditions = v.InferOutput<typeof EventConditions>;

/** An item id: unique across all templates, never changed once published. */
export const TemplateItemId = v.pipe(
  v.string('Se esperaba un texto.'),
  v.regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'Identificador de ítem: minúsculas, números, ".", "_" o "-" (máx. 80).'),
);

/** One item of a checklist as authors write it. `dueDays`: working days before the event (negative = after it). */
const templateItemFields = {
  id: TemplateItemId,
  text: line('El texto del ítem', 300),
  hint: v.optional(line('La ayuda', 500)),
  dueDays: v.pipe(
    v.number('Días hábiles: se esperaba un número.'),
    v.integer('Días hábiles: se esperaba un número entero.'),
    v.minValue(-60, 'Días hábiles: como mínimo -60.'),
    v.maxValue(250, 'Días hábiles: como máximo 250.'),
  ),
  appliesWhen: v.optional(EventConditions),
  entry: v.optional(Slug),
};

/**
 * An item whose text or hint uses yearly values (`{{valor:uit*8}}`): the text as written and the
 * values it needs. `text` and `hint` of the item hold the same words resolved for the build's
 * year, which is what an app that predates this field shows.
 */
export const DatedItemText = v.strictObject({
  text: v.string(),
  hint: v.optional(v.string()),
  valores: v.array(ValorData),
});
export type DatedItemText = v.InferOutput<typeof DatedItemText>;

/** One item of a checklist as authors write it (a `dated` field is the compiler's, not theirs). */
export const TemplateItemSource = v.strictObject(templateItemFields);
/** One item of a compiled checklist. */
export const TemplateItem = v.strictObject({ ...templateItemFields, dated: v.optional(DatedItemText) });
export type TemplateItem = v.InferOutput<typeof TemplateItem>;

function sectionOf<I extends v.GenericSchema>(item: I) {
  return v.strictObject({
    id: Slug,
    title: line('El título de la sección', 120),
    items: v.pipe(v.array(item), v.minLength(1, 'La sección no tiene ítems.')),
  });
}

/** A section groups items under a heading. */
export const TemplateSection = sectionOf(TemplateItem);
export type TemplateSection = v.InferOutput<typeof TemplateSection>;

function templateOf<I extends v.GenericSchema>(item: I) {
  return v.strictObject({
    id: Slug,
    version: v.pipe(v.number('La versión debe ser un número.'), v.integer('La versión debe ser un entero.'), v.minValue(1, 'La versión empieza en 1.')),
    title: line('El título', 160),
    summary: line('El resumen', SUMMARY_MAX),
    // An empty `proposeWhen:` in YAML reads as null: both mean "always".
    proposeWhen: v.optional(
      v.pipe(
        v.nullable(EventConditions),
        v.transform((when): EventConditions => when ?? {}),
      ),
      {},
    ),
    sections: v.pipe(v.array(sectionOf(item)), v.minLength(1, 'La plantilla no tiene secciones.')),
  });
}

/** A checklist template as authors write it in `templates/<id>.yaml`. */
export const ChecklistTemplateSource = templateOf(TemplateItemSource);
/** A compiled checklist template: the source YAML with defaults filled in. */
export const ChecklistTemplate = templateOf(TemplateItem);
export type ChecklistTemplate = v.InferOutput<typeof ChecklistTemplate>;
