import { ariaDescribedBy } from './aria';
import { Field, FieldGroup } from './field';
import { t } from '../../shared/i18n/forms';

/**
 * A date and a time (Lima) in one group with one error for both, read with each input; the date
 * is marked invalid, so focus goes there first. Ids: `<id>-date`, `<id>-time`, `<id>-error`.
 */
export function DateTimeGroup({ id, legend, date, time, error, onDate, onTime }: {
  id: string; legend: string; date: string; time: string; error?: string | undefined; onDate(date: string): void; onTime(time: string): void;
}) {
  const errorId = `${id}-error`;
  return (
    <FieldGroup id={id} legend={legend} error={error} isRow>
      <Field id={`${id}-date`} label={t('forms.date')}>
        <input id={`${id}-date`} type="date" value={date} {...ariaDescribedBy(`${id}-date`, error, { errorId })} onInput={(e) => onDate(e.currentTarget.value)} />
      </Field>
      <Field id={`${id}-time`} label={t('forms.time')}>
        <input id={`${id}-time`} type="time" value={time} {...ariaDescribedBy(`${id}-time`, error, { errorId, isInvalid: false })} onInput={(e) => onTime(e.currentTarget.value)} />
      </Field>
    </FieldGroup>
  );
}
