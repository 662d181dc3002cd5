import { useSignal } from '@preact/signals';
import { addChecklistItem } from '../../state/checklist-model';
import { t } from '../../shared/i18n';
import { Icon } from '../shell/icons';

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
    <form class="field-group" onSubmit={handleSubmit} noValidate>
      <h2>{t('checklists.addItem')}</h2>
      <label for="custom-section">{t('checklists.section')}</label>
      <select id="custom-section" value={section.value} onChange={(e) => (section.value = e.currentTarget.value)}>
        {sections.map((s) => <option key={s} value={s}>{s}</option>)}
        <option value="">{t('checklists.customSection')}</option>
      </select>
      <label for="custom-text">{t('checklists.itemText')}</label>
      <input id="custom-text" type="text" value={text.value} onInput={(e) => (text.value = e.currentTarget.value)}
        aria-invalid={error.value ? 'true' : undefined} aria-describedby={error.value ? 'custom-error' : undefined} />
      {error.value && <p id="custom-error" role="alert" class="field-error"><Icon name="attention" /><span>{error.value}</span></p>}
      <button class="button" type="submit">{t('checklists.addItem.do')}</button>
    </form>
  );
}
