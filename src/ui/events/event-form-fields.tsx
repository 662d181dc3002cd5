import { EVENT_TYPES, MUSIC_KINDS } from '../../shared/schemas/event';
import type { DraftErrors, EventDraft } from '../../state/event-form-model';
import { ariaDescribedBy } from '../forms/aria';
import { Checkbox, Choice, Field } from '../forms/field';
import { DateTimeGroup } from '../forms/date-time';
import { PlacePicker } from '../forms/place-picker';
import { Select } from '../forms/select';
import { t, type MessageKey } from '../../shared/i18n/events';
import '../../shared/i18n/forms';

interface FieldsProps {
  draft: EventDraft;
  errors: DraftErrors;
  onChange(patch: Partial<EventDraft>): void;
}

const MUSIC_LABELS: Record<(typeof MUSIC_KINDS)[number], MessageKey> = { none: 'events.music.none', recorded: 'events.music.recorded', live: 'events.music.live' };

/** Every input of the event form, each with its label and its error next to it. */
export function EventFormFields({ draft, errors, onChange }: FieldsProps) {
  const text = (field: 'title' | 'venue' | 'fundingSource', label: MessageKey) => (
    <Field id={`event-${field}`} label={t(label)} error={errors[field]}>
      <input id={`event-${field}`} type="text" value={draft[field]} {...ariaDescribedBy(`event-${field}`, errors[field])}
        onInput={(e) => onChange({ [field]: e.currentTarget.value })} required={field === 'title'} />
    </Field>
  );
  return (
    <>
      {text('title', 'events.field.title')}
      <Field id="event-type" label={t('events.field.type')} error={errors.type}>
        <Select id="event-type" value={draft.type} options={EVENT_TYPES.map((type) => ({ code: type, name: t(`events.type.${type}`) }))} empty={t('forms.pick')} error={errors.type}
          onPick={(code) => onChange({ type: code as EventDraft['type'] })} />
      </Field>
      <DateTimeGroup id="event-start" legend={t('events.field.start')} date={draft.startDate} time={draft.startTime} error={errors.startDate}
        onDate={(startDate) => onChange({ startDate, ...(draft.endDate ? {} : { endDate: startDate }) })} onTime={(startTime) => onChange({ startTime })} />
      <DateTimeGroup id="event-end" legend={t('events.field.end')} date={draft.endDate} time={draft.endTime} error={errors.endDate}
        onDate={(endDate) => onChange({ endDate })} onTime={(endTime) => onChange({ endTime })} />
      {text('venue', 'events.field.venue')}
      <PlacePicker prefix="event" legend={t('events.field.place')} value={draft} error={errors.place} pick={t('forms.pick')} withDistrict
        onChange={(patch) => onChange(patch)} />
      <Field id="event-audience" label={t('events.field.audience')} error={errors.expectedAudience}>
        <input id="event-audience" type="text" inputMode="numeric" pattern="[0-9]*" value={draft.expectedAudience}
          {...ariaDescribedBy('event-audience', errors.expectedAudience)} onInput={(e) => onChange({ expectedAudience: e.currentTarget.value })} />
      </Field>
      <Choice id="event-outdoors" legend={t('events.field.outdoors')} value={draft.outdoors} error={errors.outdoors}
        options={[['si', t('events.outdoors.yes')], ['no', t('events.outdoors.no')]] as const} onPick={(v) => onChange({ outdoors: v })} />
      <Choice id="event-music" legend={t('events.field.music')} value={draft.music} error={errors.music}
        options={MUSIC_KINDS.map((k) => [k, t(MUSIC_LABELS[k])] as const)} onPick={(v) => onChange({ music: v })} />
      <Checkbox label={t('events.field.heritage')} checked={draft.heritageSite} onToggle={(heritageSite) => onChange({ heritageSite })} />
      <Checkbox label={t('events.field.minors')} checked={draft.minors} onToggle={(minors) => onChange({ minors })} />
      {text('fundingSource', 'events.field.funding')}
    </>
  );
}
