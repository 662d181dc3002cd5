import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { EVENT_TYPES, MUSIC_KINDS } from '../../shared/schemas/event';
import type { DraftErrors, DraftField, EventDraft } from '../../state/event-form-model';
import { listDistrictOptions, listProvinceOptions, listRegionOptions, type PlaceOption } from '../../state/place-picker-model';
import { t, type MessageKey } from '../../shared/i18n';
import { Icon } from '../shell/icons';

interface FieldsProps {
  draft: EventDraft;
  errors: DraftErrors;
  onChange(patch: Partial<EventDraft>): void;
}

/** The error of one field, tied to it by id (aria-describedby) and shown with an icon. */
function FieldError({ field, errors }: { field: DraftField; errors: DraftErrors }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <p id={`event-${field}-error`} class="field-error">
      <Icon name="attention" />
      <span>{message}</span>
    </p>
  );
}

function errorProps(field: DraftField, errors: DraftErrors) {
  return errors[field] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `event-${field}-error` } : {};
}

function Field({ id, label, children }: { id: string; label: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}

function Select({ id, value, options, empty, onPick, extra }: {
  id: string; value: string; options: PlaceOption[]; empty: string; onPick(code: string): void; extra?: object;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onPick(e.currentTarget.value)} {...extra}>
      <option value="">{empty}</option>
      {options.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
    </select>
  );
}

/** Region → province → district; districts only once the catalogue brought them. */
function PlaceFields({ draft, errors, onChange }: FieldsProps) {
  const districts = useSignal<PlaceOption[]>([]);
  useEffect(() => {
    let isCurrent = true;
    void listDistrictOptions(draft.provinceCode).then((found) => isCurrent && (districts.value = found));
    return () => (isCurrent = false);
  }, [draft.provinceCode]);
  return (
    <fieldset class="field-group">
      <legend>{t('events.field.place')}</legend>
      <Field id="event-region" label={t('events.field.region')}>
        <Select id="event-region" value={draft.regionCode} options={listRegionOptions()} empty={t('events.pick')}
          onPick={(code) => onChange({ regionCode: code, provinceCode: '', districtCode: '' })} extra={errorProps('place', errors)} />
      </Field>
      <Field id="event-province" label={t('events.field.province')}>
        <Select id="event-province" value={draft.provinceCode} options={listProvinceOptions(draft.regionCode)} empty={t('events.pick')}
          onPick={(code) => onChange({ provinceCode: code, districtCode: '' })} extra={errorProps('place', errors)} />
      </Field>
      <Field id="event-district" label={t('events.field.district')}>
        <Select id="event-district" value={draft.districtCode} options={districts.value}
          empty={districts.value.length ? t('events.district.whole') : t('events.district.none')}
          onPick={(code) => onChange({ districtCode: code })} />
      </Field>
      <FieldError field="place" errors={errors} />
    </fieldset>
  );
}

function Choice<V extends string>({ name, legend, value, options, onPick, errors, field }: {
  name: string; legend: string; value: string; options: readonly [V, MessageKey][]; onPick(v: V): void; errors: DraftErrors; field: DraftField;
}) {
  return (
    <fieldset class="field-group" {...(errors[field] ? { 'aria-describedby': `event-${field}-error` } : {})}>
      <legend>{legend}</legend>
      {options.map(([v, key]) => (
        <label key={v} class="check">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onPick(v)} />
          <span>{t(key)}</span>
        </label>
      ))}
      <FieldError field={field} errors={errors} />
    </fieldset>
  );
}

const MUSIC_LABELS: Record<(typeof MUSIC_KINDS)[number], MessageKey> = { none: 'events.music.none', recorded: 'events.music.recorded', live: 'events.music.live' };

/** Every input of the event form, each with its label and its error next to it. */
export function EventFormFields({ draft, errors, onChange }: FieldsProps) {
  const text = (field: 'title' | 'venue' | 'fundingSource') => ({
    id: `event-${field}`, type: 'text' as const, value: draft[field], ...errorProps(field, errors),
    onInput: (e: Event) => onChange({ [field]: (e.currentTarget as HTMLInputElement).value }),
  });
  return (
    <>
      <Field id="event-title" label={t('events.field.title')}><input {...text('title')} required /></Field>
      <FieldError field="title" errors={errors} />
      <Field id="event-type" label={t('events.field.type')}>
        <select id="event-type" value={draft.type} {...errorProps('type', errors)} onChange={(e) => onChange({ type: e.currentTarget.value as EventDraft['type'] })}>
          <option value="">{t('events.pick')}</option>
          {EVENT_TYPES.map((type) => <option key={type} value={type}>{t(`events.type.${type}`)}</option>)}
        </select>
      </Field>
      <FieldError field="type" errors={errors} />
      <fieldset class="field-group field-row">
        <legend>{t('events.field.start')}</legend>
        <Field id="event-start-date" label={t('events.field.date')}>
          <input id="event-start-date" type="date" value={draft.startDate} {...errorProps('startDate', errors)} onInput={(e) => onChange({ startDate: e.currentTarget.value, ...(draft.endDate ? {} : { endDate: e.currentTarget.value }) })} />
        </Field>
        <Field id="event-start-time" label={t('events.field.time')}>
          <input id="event-start-time" type="time" value={draft.startTime} onInput={(e) => onChange({ startTime: e.currentTarget.value })} />
        </Field>
        <FieldError field="startDate" errors={errors} />
      </fieldset>
      <fieldset class="field-group field-row">
        <legend>{t('events.field.end')}</legend>
        <Field id="event-end-date" label={t('events.field.date')}>
          <input id="event-end-date" type="date" value={draft.endDate} {...errorProps('endDate', errors)} onInput={(e) => onChange({ endDate: e.currentTarget.value })} />
        </Field>
        <Field id="event-end-time" label={t('events.field.time')}>
          <input id="event-end-time" type="time" value={draft.endTime} onInput={(e) => onChange({ endTime: e.currentTarget.value })} />
        </Field>
        <FieldError field="endDate" errors={errors} />
      </fieldset>
      <Field id="event-venue" label={t('events.field.venue')}><input {...text('venue')} /></Field>
      <FieldError field="venue" errors={errors} />
      <PlaceFields draft={draft} errors={errors} onChange={onChange} />
      <Field id="event-audience" label={t('events.field.audience')}>
        <input id="event-audience" type="text" inputMode="numeric" pattern="[0-9]*" value={draft.expectedAudience} {...errorProps('expectedAudience', errors)}
          onInput={(e) => onChange({ expectedAudience: e.currentTarget.value })} />
      </Field>
      <FieldError field="expectedAudience" errors={errors} />
      <Choice name="outdoors" legend={t('events.field.outdoors')} value={draft.outdoors} errors={errors} field="outdoors"
        options={[['si', 'events.outdoors.yes'], ['no', 'events.outdoors.no']] as const} onPick={(v) => onChange({ outdoors: v })} />
      <Choice name="music" legend={t('events.field.music')} value={draft.music} errors={errors} field="music"
        options={MUSIC_KINDS.map((k) => [k, MUSIC_LABELS[k]] as [typeof k, MessageKey])} onPick={(v) => onChange({ music: v })} />
      <label class="check">
        <input type="checkbox" checked={draft.heritageSite} onChange={(e) => onChange({ heritageSite: e.currentTarget.checked })} />
        <span>{t('events.field.heritage')}</span>
      </label>
      <label class="check">
        <input type="checkbox" checked={draft.minors} onChange={(e) => onChange({ minors: e.currentTarget.checked })} />
        <span>{t('events.field.minors')}</span>
      </label>
      <Field id="event-fundingSource" label={t('events.field.funding')}><input {...text('fundingSource')} /></Field>
      <FieldError field="fundingSource" errors={errors} />
    </>
  );
}
