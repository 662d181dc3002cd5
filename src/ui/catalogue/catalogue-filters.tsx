import type { CatalogueFilter } from '../../state/catalogue-model';
import { KINDS, LEVELS, TOPICS, kindLabel, levelLabel, tagLabel, topicLabel } from './catalogue-labels';
import { t } from '../../shared/i18n/catalogue';

interface SelectProps {
  id: string;
  label: string;
  value: string | undefined;
  options: readonly string[];
  labelOf: (code: string) => string;
  onChange: (value: string | undefined) => void;
}

function FilterSelect({ id, label, value, options, labelOf, onChange }: SelectProps) {
  return (
    <div class="filter-field">
      <label for={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || undefined)}>
        <option value="">{t('catalogue.filter.any')}</option>
        {options.map((code) => (
          <option key={code} value={code}>
            {labelOf(code)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Filters by topic, kind, government level and tag; each change shows the list at once. */
export function CatalogueFilters({ filter, tags, onChange }: { filter: CatalogueFilter; tags: string[]; onChange: (next: CatalogueFilter) => void }) {
  const set = (field: keyof CatalogueFilter) => (value: string | undefined) => {
    const next: CatalogueFilter = { ...filter };
    if (value) next[field] = value;
    else delete next[field];
    onChange(next);
  };
  const isFiltered = Boolean(filter.topic || filter.kind || filter.level || filter.tag);
  // A topic chosen from the list of topics shows its entries first; other filters keep the panel open.
  const isOpen = Boolean(filter.kind || filter.level || filter.tag);
  return (
    <details class="catalogue-filters" open={isOpen}>
      <summary>{t('catalogue.filters')}</summary>
      <div class="catalogue-filters__fields">
        <FilterSelect id="filter-topic" label={t('catalogue.filter.topic')} value={filter.topic} options={TOPICS} labelOf={topicLabel} onChange={set('topic')} />
        <FilterSelect id="filter-kind" label={t('catalogue.filter.kind')} value={filter.kind} options={KINDS} labelOf={kindLabel} onChange={set('kind')} />
        <FilterSelect id="filter-level" label={t('catalogue.filter.level')} value={filter.level} options={LEVELS} labelOf={levelLabel} onChange={set('level')} />
        <FilterSelect id="filter-tag" label={t('catalogue.filter.tag')} value={filter.tag} options={tags} labelOf={tagLabel} onChange={set('tag')} />
      </div>
      {isFiltered && (
        <button type="button" class="button button--secondary" onClick={() => onChange({})}>
          {t('catalogue.filter.clear')}
        </button>
      )}
    </details>
  );
}
