import { useSignal } from '@preact/signals';
import * as v from 'valibot';
import { EraseRequest } from '../../shared/schemas/admin';
import { DOCUMENT_TYPES } from '../../shared/schemas/attendance';
import { previewErasure } from '../../state/admin-data-model';
import { ariaDescribedBy } from '../forms/aria';
import { Choice, Field } from '../forms/field';
import { AlertNote } from '../shell/alert-note';
import { t } from '../../shared/i18n/admin';

type By = 'document' | 'name';
type Errors = Partial<Record<'documentNumber' | 'fullName' | 'entityName', string>>;

/** The search of the erasure: by document (type and number) or by full name and entity. */
export function ErasureSearch() {
  const by = useSignal<By>('document');
  const documentType = useSignal<(typeof DOCUMENT_TYPES)[number]>('dni');
  const documentNumber = useSignal('');
  const fullName = useSignal('');
  const entityName = useSignal('');
  const errors = useSignal<Errors>({});
  const refusal = useSignal('');
  const isBusy = useSignal(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const input = by.value === 'document'
      ? { documentType: documentType.value, documentNumber: documentNumber.value }
      : { fullName: fullName.value, entityName: entityName.value };
    // The branch of the union the person chose, so each issue names its field.
    const parsed = v.safeParse(EraseRequest.options[by.value === 'document' ? 0 : 1], input);
    refusal.value = '';
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.issues) {
        const key = issue.path?.[0]?.key as keyof Errors | undefined;
        if (key && !found[key]) found[key] = issue.message;
      }
      errors.value = found;
      return;
    }
    errors.value = {};
    isBusy.value = true;
    const outcome = await previewErasure(parsed.output);
    isBusy.value = false;
    if (!outcome.ok) refusal.value = outcome.offline ? t('admin.offline') : outcome.message;
  };
  const input = (id: keyof Errors, label: string, value: string, set: (next: string) => void) => (
    <Field id={`admin-erase-${id}`} label={label} error={errors.value[id]}>
      <input id={`admin-erase-${id}`} type="text" autocomplete="off" value={value} onInput={(e) => set(e.currentTarget.value)} {...ariaDescribedBy(`admin-erase-${id}`, errors.value[id])} />
    </Field>
  );
  return (
    <form class="form card admin__form" onSubmit={submit} noValidate aria-label={t('admin.erasure')}>
      <Choice id="admin-erase-by" legend={t('admin.erasure.by')} value={by.value} onPick={(next: By) => (by.value = next)}
        options={[['document', t('admin.erasure.byDocument')], ['name', t('admin.erasure.byName')]]} />
      {by.value === 'document' ? (
        <>
          <Field id="admin-erase-type" label={t('admin.erasure.documentType')}>
            <select id="admin-erase-type" value={documentType.value} onChange={(e) => (documentType.value = e.currentTarget.value as typeof documentType.value)}>
              {DOCUMENT_TYPES.map((type) => <option key={type} value={type}>{t(`admin.document.${type}`)}</option>)}
            </select>
          </Field>
          {input('documentNumber', t('admin.erasure.documentNumber'), documentNumber.value, (next) => (documentNumber.value = next))}
        </>
      ) : (
        <>
          {input('fullName', t('admin.erasure.fullName'), fullName.value, (next) => (fullName.value = next))}
          {input('entityName', t('admin.erasure.entityName'), entityName.value, (next) => (entityName.value = next))}
        </>
      )}
      {refusal.value && <AlertNote>{refusal.value}</AlertNote>}
      <button type="submit" class="button" disabled={isBusy.value}>{t('admin.erasure.search')}</button>
    </form>
  );
}
