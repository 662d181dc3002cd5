/**
 * The workshop form as typed, its check against the shared schema (Spanish errors by field),
 * and the draft kept in sessionStorage so a reload never loses it. Times are typed in Lima
 * and stored as UTC.
 */
import * as v from 'valibot';
import { WorkshopSaveArgs, type WORKSHOP_MODALITIES } from '../shared/schemas/workshop';
import { regionOfPlace } from '../shared/places/provinces';
import { fromLimaParts, toLimaParts } from './event-form-model';
import type { LocalWorkshop, WorkshopInput } from './workshop-model';
import { createSessionDraft } from './session-draft';
import { t } from '../shared/i18n/workshops';
import '../shared/i18n/forms';

/** The form's fields, as typed. Facilitators: one name per line. */
export interface WorkshopDraft {
  title: string;
  topic: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  modality: (typeof WORKSHOP_MODALITIES)[number] | '';
  regionCode: string;
  provinceCode: string;
  venue: string;
  link: string;
  capacity: string;
  facilitators: string;
}

/** Errors by field, in Spanish. */
export type WorkshopErrors = Partial<Record<keyof WorkshopDraft, string>>;

/** An empty form. */
export function makeEmptyWorkshopDraft(): WorkshopDraft {
  return { title: '', topic: '', startDate: '', startTime: '', endDate: '', endTime: '', modality: '', regionCode: '', provinceCode: '', venue: '', link: '', capacity: '', facilitators: '' };
}

/** The form filled from a stored workshop. */
export function makeDraftFromWorkshop(w: LocalWorkshop): WorkshopDraft {
  const start = toLimaParts(w.startsAt);
  const end = toLimaParts(w.endsAt);
  const code = w.placeCode ?? '';
  return {
    title: w.title, topic: w.topic, startDate: start.date, startTime: start.time, endDate: end.date, endTime: end.time,
    modality: w.modality, regionCode: code.length === 2 ? code : regionOfPlace(code) ?? '', provinceCode: code.length >= 4 ? code.slice(0, 4) : '',
    venue: w.venue ?? '', link: w.link ?? '', capacity: String(w.capacity), facilitators: w.facilitators.join('\n'),
  };
}

const FIELD_OF: Record<string, keyof WorkshopDraft> = {
  title: 'title', topic: 'topic', startsAt: 'startDate', endsAt: 'endDate', modality: 'modality', placeCode: 'provinceCode',
  venue: 'venue', link: 'link', capacity: 'capacity', facilitators: 'facilitators',
};

function checkRequired(d: WorkshopDraft): WorkshopErrors {
  const errors: WorkshopErrors = {};
  if (!d.startDate || !d.startTime) errors.startDate = t('forms.error.start');
  if (!d.endDate || !d.endTime) errors.endDate = t('forms.error.end');
  if (!d.modality) errors.modality = t('workshops.error.modality');
  if (d.modality && d.modality !== 'virtual' && !d.regionCode) errors.provinceCode = t('workshops.error.region');
  if (d.modality && d.modality !== 'presencial' && !d.link.trim()) errors.link = t('workshops.error.link');
  if (!/^\d+$/.test(d.capacity.trim())) errors.capacity = t('workshops.error.capacity');
  return errors;
}

/** Checks the form: the args for `workshop.save` (without id and code), or errors by field. */
export function validateWorkshopDraft(d: WorkshopDraft): { input: WorkshopInput } | { errors: WorkshopErrors } {
  const errors = checkRequired(d);
  const facilitators = d.facilitators.split('\n').map((name) => name.trim()).filter(Boolean);
  const place = d.modality === 'virtual' ? '' : d.provinceCode || d.regionCode;
  const candidate = {
    id: '00000000-0000-7000-8000-000000000000', code: 'AAAAAA', title: d.title, topic: d.topic,
    startsAt: errors.startDate ? '' : fromLimaParts(d.startDate, d.startTime),
    endsAt: errors.endDate ? '' : fromLimaParts(d.endDate, d.endTime),
    modality: d.modality, capacity: Number(d.capacity.trim()), facilitators,
    ...(place ? { placeCode: place } : {}),
    ...(d.venue.trim() && d.modality !== 'virtual' ? { venue: d.venue } : {}),
    ...(d.link.trim() && d.modality !== 'presencial' ? { link: d.link } : {}),
  };
  const result = v.safeParse(WorkshopSaveArgs, candidate);
  if (!result.success) {
    for (const issue of result.issues) {
      const key = issue.path?.[0]?.key;
      const field = typeof key === 'string' ? FIELD_OF[key] ?? 'title' : 'endDate';
      if (!errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { errors };
  const { id: _id, code: _code, ...input } = result.output;
  return { input };
}

/** The drafts of the workshop form, by `nuevo` or a workshop id. */
export const workshopDrafts = createSessionDraft('tinkuy.workshop-draft.', makeEmptyWorkshopDraft);
