import { ENTITY_TYPES, GOVERNMENT_LEVELS } from '../../shared/schemas/attendance';
import type { NationalFilters } from '../../state/national-model';
import { Field } from '../forms/field';
import { Select } from '../forms/select';
import { t, type MessageKey } from '../../shared/i18n/national';

/** Year, topic, entity type and level of government: each change asks for fresh figures. */
export function NationalFiltersForm({ filters, years, topics, onChange }: {
  filters: NationalFilters; years: readonly number[]; topics: readonly string[]; onChange: (filters: NationalFilters) => void;
}) {
  const pick = (patch: Partial<NationalFilters>) => {
    const next: NationalFilters = { ...filters, ...patch };
    for (const key of ['topic', 'entityType', 'governmentLevel'] as const) if (!next[key]) delete next[key];
    onChange(next);
  };
  return (
    <form class="form national-filters" onSubmit={(e) => e.preventDefault()}>
      <Field id="national-year" label={t('national.year')}>
        <select id="national-year" value={String(filters.year)} onChange={(e) => pick({ year: Number(e.currentTarget.value) })}>
          {years.map((year) => <option key={year} value={String(year)}>{year}</option>)}
        </select>
      </Field>
      <details class="national-filters__more" open={Boolean(filters.topic || filters.entityType || filters.governmentLevel)}>
      <summary>{t('national.moreFilters')}</summary>
      <Field id="national-topic" label={t('national.topic')}>
        <Select id="national-topic" value={filters.topic ?? ''} empty={t('national.topic.all')}
          options={topics.map((topic) => ({ code: topic, name: topic }))} onPick={(topic) => pick({ topic })} />
      </Field>
      <Field id="national-entity" label={t('national.entityType')}>
        <Select id="national-entity" value={filters.entityType ?? ''} empty={t('national.all')}
          options={ENTITY_TYPES.map((code) => ({ code, name: t(`national.entity.${code}` as MessageKey) }))}
          onPick={(code) => pick({ entityType: (code || undefined) as NationalFilters['entityType'] })} />
      </Field>
      <Field id="national-level" label={t('national.level')}>
        <Select id="national-level" value={filters.governmentLevel ?? ''} empty={t('national.all')}
          options={GOVERNMENT_LEVELS.map((code) => ({ code, name: t(`national.level.${code}` as MessageKey) }))}
          onPick={(code) => pick({ governmentLevel: (code || undefined) as NationalFilters['governmentLevel'] })} />
      </Field>
      <p class="form-hint">{t('national.filtersNote')}</p>
      </details>
    </form>
  );
}
