/**
 * The event form: what a person types (all strings), its check against the shared schema with
 * each Spanish error next to its field, and where its drafts are kept (sessionStorage) so a reload
 * (or the app killed by Android) never loses what was typed. Offline nothing changes: all of it is local.
 */
import * as v from 'valibot';
import { EventSaveArgs, type EVENT_TYPES, type MUSIC_KINDS } from '../shared/schemas/event';
import { regionOfPlace } from '../shared/places/provinces';
import type { EventInput, LocalEvent } from './event-model';
import { createSessionDraft } from './session-draft';
import { t } from '../shared/i18n/events';
import '../shared/i18n/forms';

/** The form's fields, as typed. Places: region → province → district (district optional). */
export interface EventDraft {
  title: string;
  type: (typeof EVENT_TYPES)[number] | '';
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  venue: string;
  regionCode: string;
  provinceCode: string;
  districtCode: string;
  expectedAudience: string;
  outdoors: 'si' | 'no' | '';
  music: (typeof MUSIC_KINDS)[number];
  heritageSite: boolean;
  minors: boolean;
  fundingSource: string;
}

/** A field of the form that can show an error. */
export type DraftField = keyof EventDraft | 'place';

/** Errors by field, in Spanish. */
export type DraftErrors = Partial<Record<DraftField, string>>;

const LIMA_OFFSET_MS = 5 * 60 * 60 * 1000;

/** An empty form; `templateId` is unused here but kept by the caller for the proposal step. */
export function makeEmptyDraft(): EventDraft {
  return {
    title: '', type: '', startDate: '', startTime: '', endDate: '', endTime: '', venue: '',
    regionCode: '', provinceCode: '', districtCode: '', expectedAudience: '', outdoors: '',
    music: 'none', heritageSite: false, minors: false, fundingSource: '',
  };
}

/** Splits an ISO UTC instant into the Lima date and time the inputs show. */
export function toLimaParts(instant: string): { date: string; time: string } {
  const lima = new Date(Date.parse(instant) - LIMA_OFFSET_MS).toISOString();
  return { date: lima.slice(0, 10), time: lima.slice(11, 16) };
}

/** A Lima date and time typed in the form, as an ISO UTC instant. */
export function fromLimaParts(date: string, time: string): string {
  return new Date(`${date}T${time}:00-05:00`).toISOString();
}

/** The form filled from a stored event, for editing. */
export function makeDraftFromEvent(event: LocalEvent): EventDraft {
  const start = toLimaParts(event.startsAt);
  const end = toLimaParts(event.endsAt);
  const code = event.placeCode;
  return {
    title: event.title, type: event.type, startDate: start.date, startTime: start.time, endDate: end.date,
    endTime: end.time, venue: event.venue, regionCode: regionOfPlace(code) ?? (code.length === 2 ? code : ''),
    provinceCode: code.length >= 4 ? code.slice(0, 4) : '', districtCode: code.length === 6 ? code : '',
    expectedAudience: String(event.expectedAudience), outdoors: event.outdoors ? 'si' : 'no', music: event.music,
    heritageSite: event.heritageSite, minors: event.minors, fundingSource: event.fundingSource ?? '',
  };
}

const SCHEMA_FIELD: Record<string, DraftField> = {
  title: 'title', type: 'type', startsAt: 'startDate', endsAt: 'endDate', venue: 'venue',
  placeCode: 'place', expectedAudience: 'expectedAudience', fundingSource: 'fundingSource',
};

function checkRequired(draft: EventDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.type) errors.type = t('events.error.type');
  if (!draft.startDate || !draft.startTime) errors.startDate = t('forms.error.start');
  if (!draft.endDate || !draft.endTime) errors.endDate = t('forms.error.end');
  if (!draft.provinceCode) errors.place = t('events.error.place');
  if (!/^\d+$/.test(draft.expectedAudience.trim())) errors.expectedAudience = t('events.error.audience');
  if (!draft.outdoors) errors.outdoors = t('events.error.outdoors');
  return errors;
}

/**
 * Checks the form. Returns the args for `event.save` (without id) when it is valid, or the
 * Spanish errors by field: the form's own checks first, then the shared schema's messages.
 */
export function validateDraft(draft: EventDraft, id?: string): { input: EventInput } | { errors: DraftErrors } {
  const errors = checkRequired(draft);
  const candidate = {
    id: id ?? '00000000-0000-7000-8000-000000000000',
    title: draft.title, type: draft.type,
    startsAt: errors.startDate ? '' : fromLimaParts(draft.startDate, draft.startTime),
    endsAt: errors.endDate ? '' : fromLimaParts(draft.endDate, draft.endTime),
    venue: draft.venue, placeCode: draft.districtCode || draft.provinceCode,
    expectedAudience: Number(draft.expectedAudience.trim()), outdoors: draft.outdoors === 'si', music: draft.music,
    heritageSite: draft.heritageSite, minors: draft.minors,
    // Always sent, empty too: a field left out would not clear the one saved before (per-field merge).
    fundingSource: draft.fundingSource,
  };
  const result = v.safeParse(EventSaveArgs, candidate, { abortPipeEarly: true });
  if (!result.success) {
    for (const issue of result.issues) {
      const key = issue.path?.[0]?.key;
      const field = typeof key === 'string' ? SCHEMA_FIELD[key] : 'endDate';
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { errors };
  const { id: _placeholder, ...input } = result.output;
  return { input: id ? { ...input, id } : input };
}

/** The drafts of the event form, by `nuevo` or an event id. */
export const eventDrafts = createSessionDraft('tinkuy.event-draft.', makeEmptyDraft);
