import * as v from 'valibot';
import { Id, IsoInstant, isNotBefore, PlaceCode, requiredText, text } from './common';

export const EVENT_TYPES = [
  'concierto',
  'festival',
  'feria',
  'pasacalle',
  'teatro',
  'danza',
  'exposicion',
  'cine',
  'taller',
  'conversatorio',
  'virtual',
  'otro',
] as const;

export const MUSIC_KINDS = ['none', 'recorded', 'live'] as const;

/** `event.save` v1: the whole editable event; the server merges it field by field. */
export const EventSaveArgs = v.pipe(
  v.strictObject({
    id: Id,
    title: requiredText(200, 'El título'),
    type: v.picklist(EVENT_TYPES, 'Tipo de evento no válido.'),
    startsAt: IsoInstant,
    endsAt: IsoInstant,
    venue: text(200, 'El lugar'),
    placeCode: PlaceCode,
    expectedAudience: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000, 'Público esperado: como máximo 1 000 000.')),
    outdoors: v.boolean(),
    music: v.picklist(MUSIC_KINDS, 'Tipo de música no válido.'),
    heritageSite: v.boolean(),
    minors: v.boolean(),
    fundingSource: v.optional(text(200, 'La fuente de financiamiento')),
  }),
  v.check((e) => isNotBefore(e.endsAt, e.startsAt), 'El evento no puede terminar antes de empezar.'),
);
export type EventSaveArgs = v.InferOutput<typeof EventSaveArgs>;

/** The fields of an event that merge one by one (everything but the id). */
export type EventFields = Omit<EventSaveArgs, 'id'>;

/** `event.archive` v1. */
export const EventArchiveArgs = v.strictObject({ id: Id });
export type EventArchiveArgs = v.InferOutput<typeof EventArchiveArgs>;

/** An event as stored and pulled. */
export interface EventRow extends EventSaveArgs {
  ownerId: string;
  archived: boolean;
  updatedAt: string;
  /** The stamp of the write that set each field: a device tells its own edits from others' (lost edits). */
  fieldHlc?: Partial<Record<keyof EventFields | 'archived', string>>;
}

/** The free-text fields of an event whose losing version a device keeps (issue 9). */
export const EVENT_TEXT_FIELDS = ['title', 'venue', 'fundingSource'] as const;
export type EventTextField = (typeof EVENT_TEXT_FIELDS)[number];
