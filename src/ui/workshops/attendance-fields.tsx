import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { DOCUMENT_TYPES, ENTITY_TYPES, GOVERNMENT_LEVELS } from '../../shared/schemas/attendance';
import { LEVEL_OF_ENTITY, PRIVACY_NOTICE } from '../../state/attendance-model';
import { DOCUMENT_LABELS, ENTITY_LABELS, LEVEL_LABELS } from '../../state/attendance-report-model';
import { validateAttendanceDraft, type AttendanceDraft, type AttendanceErrors } from '../../state/attendance-form-model';
import type { AttendancePerson } from '../../shared/schemas/attendance';
import type { SubmitSteps } from '../forms/use-draft-form';
import { suggestEntities, type EntitySuggestion } from '../../state/entity-suggest-model';
import { listRegionOptions } from '../../state/place-picker-model';
import { ariaDescribedBy } from '../forms/aria';
import { Checkbox, Field } from '../forms/field';
import { Select } from '../forms/select';
import { t } from '../../shared/i18n/forms';
import '../../shared/i18n/workshops';

interface Props {
  draft: AttendanceDraft;
  errors: AttendanceErrors;
  onChange(patch: Partial<AttendanceDraft>): void;
  /** `id` prefix, so two forms on one page never share ids. */
  prefix: string;
}

/**
 * How both attendance forms (the facilitador's and the self check-in) check and word their
 * summary: consent alone missing says why in full; otherwise «Revise los campos marcados».
 */
export function attendanceSteps(save: (person: AttendancePerson, draft: AttendanceDraft) => Promise<void>): SubmitSteps<AttendanceDraft, { person: AttendancePerson }, AttendanceErrors> {
  return {
    validate: validateAttendanceDraft,
    save: ({ person }, draft) => save(person, draft),
    fixMessage: (errors) => (errors.consent && Object.keys(errors).length === 1 ? errors.consent : t('attendance.fix')),
    failedMessage: t('workshops.form.failed'),
  };
}

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((code) => ({ code, name: labels[code] }));

/** Entity name with suggestions from the places data (a native datalist: keyboard and screen-reader friendly). */
function EntityName({ draft, errors, onChange, prefix }: Props) {
  const found = useSignal<EntitySuggestion[]>([]);
  useEffect(() => {
    let isCurrent = true;
    void suggestEntities(draft.entityType, draft.entityName, 6, draft.regionCode).then((list) => isCurrent && (found.value = list));
    return () => (isCurrent = false);
  }, [draft.entityType, draft.entityName, draft.regionCode]);
  const id = `${prefix}-entityName`;
  function pick(value: string) {
    const match = found.value.find((s) => s.name === value);
    onChange({ entityName: value, ...(match?.regionCode && !draft.regionCode ? { regionCode: match.regionCode } : {}) });
  }
  return (
    <Field id={id} label={t('attendance.field.entityName')} hint={t('attendance.field.entityNameHint')} error={errors.entityName}>
      <input id={id} type="text" list={`${id}-list`} autoComplete="off" value={draft.entityName}
        onInput={(e) => pick(e.currentTarget.value)} {...ariaDescribedBy(id, errors.entityName, { hasHint: true })} />
      <datalist id={`${id}-list`}>
        {found.value.map((s) => <option key={s.name} value={s.name}>{s.detail ?? ''}</option>)}
      </datalist>
    </Field>
  );
}

/**
 * The privacy notice (Ley 29733) and the consent box; without it the record is not saved. The
 * facilitador ticks it for the person (third person); a participant's own check-in passes the
 * first-person `consentLabel`.
 */
export function ConsentFields({ draft, errors, onChange, prefix, consentLabel = t('attendance.privacy.consent') }: Props & { consentLabel?: string }) {
  const id = `${prefix}-consent`;
  return (
    <fieldset class="form-group">
      <legend>{t('attendance.privacy.title')}</legend>
      <details class="ws-notice">
        <summary>{t('attendance.privacy.read')}</summary>
        {PRIVACY_NOTICE.map((paragraph) => <p key={paragraph}>{paragraph}</p>)}
      </details>
      <Checkbox id={id} label={consentLabel} checked={draft.consent} error={errors.consent} isBig
        onToggle={(consent) => onChange({ consent })} />
    </fieldset>
  );
}

/** The person's fields: name, document, entity (suggested), level, region, position, contact. */
export function AttendanceFields(props: Props) {
  const { draft, errors, onChange, prefix } = props;
  const text = (field: 'fullName' | 'documentNumber' | 'position' | 'email' | 'phone', type: 'text' | 'email' | 'tel' = 'text', extra: object = {}) => {
    const id = `${prefix}-${field}`;
    return (
      <Field id={id} label={t(`attendance.field.${field}`)} error={errors[field]}>
        <input id={id} type={type as "text"} value={draft[field]} onInput={(e) => onChange({ [field]: e.currentTarget.value })} {...ariaDescribedBy(id, errors[field])} {...extra} />
      </Field>
    );
  };
  return (
    <>
      {text('fullName', 'text', { autoComplete: 'off', autoCapitalize: 'words', 'data-first': 'true' })}
      <div class="form-row">
        <Field id={`${prefix}-documentType`} label={t('attendance.field.documentType')} error={errors.documentType}>
          <Select id={`${prefix}-documentType`} value={draft.documentType} options={options(DOCUMENT_TYPES, DOCUMENT_LABELS)} empty={t('attendance.none')}
            error={errors.documentType} onPick={(code) => onChange({ documentType: code as AttendanceDraft['documentType'] })} />
        </Field>
        {text('documentNumber', 'text', { inputMode: draft.documentType === 'dni' ? 'numeric' : 'text', autoComplete: 'off' })}
      </div>
      <Field id={`${prefix}-entityType`} label={t('attendance.field.entityType')} error={errors.entityType}>
        <Select id={`${prefix}-entityType`} value={draft.entityType} options={options(ENTITY_TYPES, ENTITY_LABELS)} empty={t('forms.pick')} error={errors.entityType}
          onPick={(code) => onChange({ entityType: code as AttendanceDraft['entityType'], ...(code ? { governmentLevel: LEVEL_OF_ENTITY[code as keyof typeof LEVEL_OF_ENTITY] } : {}) })} />
      </Field>
      <EntityName {...props} />
      <Field id={`${prefix}-governmentLevel`} label={t('attendance.field.governmentLevel')} error={errors.governmentLevel}>
        <Select id={`${prefix}-governmentLevel`} value={draft.governmentLevel} options={options(GOVERNMENT_LEVELS, LEVEL_LABELS)} empty={t('forms.pick')}
          error={errors.governmentLevel} onPick={(code) => onChange({ governmentLevel: code as AttendanceDraft['governmentLevel'] })} />
      </Field>
      <Field id={`${prefix}-regionCode`} label={t('attendance.field.regionCode')} error={errors.regionCode}>
        <Select id={`${prefix}-regionCode`} value={draft.regionCode} options={listRegionOptions()} empty={t('forms.pick')} error={errors.regionCode}
          onPick={(code) => onChange({ regionCode: code })} />
      </Field>
      {text('position')}
      {text('email', 'email', { inputMode: 'email', autoComplete: 'off' })}
      {text('phone', 'tel', { inputMode: 'tel', autoComplete: 'off' })}
    </>
  );
}
