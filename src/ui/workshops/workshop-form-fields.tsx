import type { WorkshopDraft, WorkshopErrors } from '../../state/workshop-form-model';
import { WORKSHOP_MODALITIES } from '../../shared/schemas/workshop';
import { ariaDescribedBy } from '../forms/aria';
import { Choice, Field } from '../forms/field';
import { DateTimeGroup } from '../forms/date-time';
import { PlacePicker } from '../forms/place-picker';
import { describeModality } from './format';
import { t } from '../../shared/i18n/forms';
import '../../shared/i18n/workshops';

interface FieldsProps {
  draft: WorkshopDraft;
  errors: WorkshopErrors;
  onChange(patch: Partial<WorkshopDraft>): void;
}

type TextField = 'title' | 'topic' | 'venue' | 'link' | 'capacity';

/** Every input of the workshop form; the place only in person, the link only online. */
export function WorkshopFields({ draft, errors, onChange }: FieldsProps) {
  const text = (field: TextField, extra: { type?: 'text' | 'url'; inputMode?: 'url' | 'numeric' } = {}) => (
    <Field id={`ws-${field}`} label={t(`workshops.field.${field}`)} error={errors[field]}>
      <input id={`ws-${field}`} type={(extra.type ?? 'text') as 'text'} inputMode={extra.inputMode} value={draft[field]}
        onInput={(e) => onChange({ [field]: e.currentTarget.value })} {...ariaDescribedBy(`ws-${field}`, errors[field])} />
    </Field>
  );
  return (
    <>
      {text('title')}
      {text('topic')}
      <DateTimeGroup id="ws-start" legend={t('workshops.field.start')} date={draft.startDate} time={draft.startTime} error={errors.startDate}
        onDate={(startDate) => onChange({ startDate, ...(draft.endDate ? {} : { endDate: startDate }) })} onTime={(startTime) => onChange({ startTime })} />
      <DateTimeGroup id="ws-end" legend={t('workshops.field.end')} date={draft.endDate} time={draft.endTime} error={errors.endDate}
        onDate={(endDate) => onChange({ endDate })} onTime={(endTime) => onChange({ endTime })} />
      <Choice id="ws-modality" legend={t('workshops.field.modality')} value={draft.modality} error={errors.modality}
        options={WORKSHOP_MODALITIES.map((m) => [m, describeModality(m)] as const)} onPick={(modality) => onChange({ modality })} />
      {draft.modality !== 'virtual' && (
        <PlacePicker prefix="ws" legend={t('workshops.field.place')} value={draft} error={errors.provinceCode}
          pick={t('forms.pick')} provinceOptional={t('workshops.pickOptional')} onChange={(patch) => onChange(patch)}>
          {text('venue')}
        </PlacePicker>
      )}
      {draft.modality !== 'presencial' && draft.modality !== '' && text('link', { type: 'url', inputMode: 'url' })}
      {text('capacity', { inputMode: 'numeric' })}
      <Field id="ws-facilitators" label={t('workshops.field.facilitators')} hint={t('workshops.field.facilitatorsHint')} error={errors.facilitators}>
        <textarea id="ws-facilitators" rows={3} value={draft.facilitators} onInput={(e) => onChange({ facilitators: e.currentTarget.value })}
          {...ariaDescribedBy('ws-facilitators', errors.facilitators, { hasHint: true })} />
      </Field>
    </>
  );
}
