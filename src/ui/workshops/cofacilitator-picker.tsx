import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { listNameable, loadFacilitatorAccounts, type FacilitatorAccount } from '../../state/cofacilitator-model';
import { t } from '../../shared/i18n/workshops';
import { Icon } from '../shell/icons';
import { Checkbox, FieldGroup } from '../forms/field';

/**
 * «Co-facilitadores»: the facilitador accounts the owner (or coordinación) names on the workshop.
 * They then run it too: attendance, corrections, constancias. The list needs a connection; the
 * team already chosen stays as it is when it cannot be read.
 */
export function CofacilitatorPicker({ ownerId, selected, onChange }: { ownerId: string | undefined; selected: readonly string[]; onChange: (ids: string[]) => void }) {
  const accounts = useSignal<FacilitatorAccount[] | undefined>(undefined);
  const failure = useSignal('');
  useEffect(() => {
    let live = true;
    void loadFacilitatorAccounts().then((answer) => {
      if (!live) return;
      if ('accounts' in answer) accounts.value = listNameable(answer.accounts, ownerId);
      else failure.value = answer.message;
    });
    return () => void (live = false);
  }, [ownerId]);

  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <FieldGroup id="ws-cofacilitators" legend={t('workshops.field.cofacilitators')}>
      <p class="ws-muted">{t('workshops.field.cofacilitatorsHint')}</p>
      {failure.value && <p class="note"><Icon name="info" /><span>{t('workshops.cofacilitators.offline', { count: selected.length })}</span></p>}
      {!failure.value && !accounts.value && <p class="ws-muted">{t('workshops.loading')}</p>}
      {accounts.value?.length === 0 && <p class="ws-muted">{t('workshops.cofacilitators.none')}</p>}
      {accounts.value?.map((account) => (
        <Checkbox key={account.id} label={account.name} checked={selected.includes(account.id)} onToggle={(on) => toggle(account.id, on)} />
      ))}
    </FieldGroup>
  );
}
