import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { fetchDistrictsOf, listDistrictOptions, listProvinceOptions, listRegionOptions, type PlaceOption } from '../../state/place-picker-model';
import { Field, FieldError } from './field';
import { Select } from './select';
import { t } from '../../shared/i18n/forms';

/** The place as the form holds it: region → province → district (district only where asked). */
export interface PlaceValue {
  regionCode: string;
  provinceCode: string;
  districtCode?: string;
}

interface PlacePickerProps {
  /** Prefix of the ids: `<prefix>-region`, `<prefix>-province`, `<prefix>-district`, `<prefix>-place-error`. */
  prefix: string;
  legend: string;
  value: PlaceValue;
  error?: string | undefined;
  /** The empty choice of region and (when required) province, e.g. «Elija…». */
  pick: string;
  /** The empty choice of an optional province, e.g. «Toda la región (opcional)»; unset: required. */
  provinceOptional?: string;
  withDistrict?: boolean;
  onChange(patch: PlaceValue | Partial<PlaceValue>): void;
  /** More fields of the same place (e.g. the venue), after the place's error. */
  children?: ComponentChildren;
}

/** Districts of a province on the phone; its region's are fetched the first time (online). */
function DistrictSelect({ prefix, provinceCode, value, onPick }: { prefix: string; provinceCode: string; value: string; onPick(code: string): void }) {
  const districts = useSignal<PlaceOption[]>([]);
  const isFetching = useSignal(false);
  useEffect(() => {
    let isCurrent = true;
    const list = () => listDistrictOptions(provinceCode).then((found) => isCurrent && (districts.value = found));
    void list();
    if (!provinceCode) return () => (isCurrent = false);
    isFetching.value = true;
    void fetchDistrictsOf(provinceCode)
      .then((isNew) => (isNew && isCurrent ? list() : undefined))
      .finally(() => isCurrent && (isFetching.value = false));
    return () => (isCurrent = false);
  }, [provinceCode]);
  const empty = districts.value.length ? t('forms.district.whole') : isFetching.value ? t('forms.district.loading') : t('forms.district.none');
  return (
    <Field id={`${prefix}-district`} label={t('forms.district')}>
      <Select id={`${prefix}-district`} value={value} options={districts.value} onPick={onPick} empty={empty} />
    </Field>
  );
}

/**
 * Region → province (→ district): the place picker of events and workshops, from the places data
 * on the phone (offline). One error for the place, read with each select that must be chosen.
 */
export function PlacePicker({ prefix, legend, value, error, pick, provinceOptional, withDistrict = false, onChange, children }: PlacePickerProps) {
  const errorId = `${prefix}-place-error`;
  const clearBelow = withDistrict ? { districtCode: '' } : {};
  return (
    <fieldset class="form-group">
      <legend>{legend}</legend>
      <Field id={`${prefix}-region`} label={t('forms.region')}>
        <Select id={`${prefix}-region`} value={value.regionCode} options={listRegionOptions()} empty={pick} error={error} errorId={errorId}
          onPick={(code) => onChange({ regionCode: code, provinceCode: '', ...clearBelow })} />
      </Field>
      <Field id={`${prefix}-province`} label={t('forms.province')}>
        <Select id={`${prefix}-province`} value={value.provinceCode} options={listProvinceOptions(value.regionCode)} empty={provinceOptional ?? pick}
          error={error} errorId={errorId} isInvalid={provinceOptional === undefined}
          onPick={(code) => onChange({ provinceCode: code, ...clearBelow })} />
      </Field>
      {withDistrict && (
        <DistrictSelect prefix={prefix} provinceCode={value.provinceCode} value={value.districtCode ?? ''} onPick={(code) => onChange({ districtCode: code })} />
      )}
      <FieldError id={errorId} message={error} />
      {children}
    </fieldset>
  );
}
