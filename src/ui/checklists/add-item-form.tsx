import { useSignal } from '@preact/signals';
import { addChecklistItem } from '../../state/checklist-model';
import { ariaDescribedBy } from '../forms/aria';
import { Field } from '../forms/field';
import { t } from '../../shared/i18n/checklists';
import '../../shared/i18n/events';

/** Adds a custom item to a section of the run (or a new section); works offline. */
export function AddItemForm({ runId, sections }: { runId: string; sections: string[] }) {
  const section = useSignal(sections[0] ?? '');
  const text = useSignal('');
  const error = useSignal('');
  async function handleSubmit(e: Event) {
    e.preventDefault();
    try {
      await addChecklistItem(runId, section.value || t('checklists.customSection'), text.value);
      text.value = '';
      error.value = '';
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : t('events.form.failed');
    }
  }
  return (
    <form class="form form-group" onSubmit={handleSubmit} noValidate>
      <h2>{t('checklists.addItem')}</h2>
      <Field id="custom-section" label={t('checklists.section')}>
        <select id="custom-section" value={section.value} onChange={(e) => (section.value = e.currentTarget.value)}>
          {sections.map((s) => <option key={s} value={s}>{s}</option>)}
          <option value="">{t('checklists.customSection')}</option>
        </select>
      </Field>
      <Field id="custom-text" label={t('checklists.itemText')} error={error.value} isAnnounced>
        <input id="custom-text" type="text" value={text.value} onInput={(e) => (text.value = e.currentTarget.value)} {...ariaDescribedBy('custom-text', error.value)} />
      </Field>
      <button class="button" type="submit">{t('checklists.addItem.do')}</button>
    </form>
  );
}
