import { useSignal } from '@preact/signals';
import * as v from 'valibot';
import { NewAccountRequest } from '../../shared/schemas/admin';
import { ROLES, type Role } from '../../shared/schemas/common';
import { addAdminAccount } from '../../state/admin-model';
import { ariaDescribedBy } from '../forms/aria';
import { Checkbox, Field, FieldGroup } from '../forms/field';
import { AlertNote } from '../shell/alert-note';
import { t } from '../../shared/i18n/admin';

type Errors = Partial<Record<'email' | 'name' | 'roles', string>>;

/** The schema's first message per field, so the form says what the server would say. */
function readErrors(input: unknown): Errors {
  const result = v.safeParse(NewAccountRequest, input);
  if (result.success) return {};
  const errors: Errors = {};
  for (const issue of result.issues) {
    const field = issue.path?.[0]?.key as keyof Errors | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** «Agregar cuenta»: email, name and roles; on success the one-time password shows above the list. */
export function NewAccountForm() {
  const email = useSignal('');
  const name = useSignal('');
  const roles = useSignal<Role[]>([]);
  const errors = useSignal<Errors>({});
  const refusal = useSignal('');
  const isBusy = useSignal(false);
  const toggle = (role: Role, on: boolean) => {
    roles.value = on ? ROLES.filter((r) => r === role || roles.value.includes(r)) : roles.value.filter((r) => r !== role);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const input = { email: email.value, name: name.value, roles: roles.value };
    errors.value = readErrors(input);
    refusal.value = '';
    if (Object.keys(errors.value).length > 0 || isBusy.value) return;
    isBusy.value = true;
    const outcome = await addAdminAccount(v.parse(NewAccountRequest, input));
    isBusy.value = false;
    if (!outcome.ok) return void (refusal.value = outcome.offline ? t('admin.offline') : outcome.message);
    email.value = '';
    name.value = '';
    roles.value = [];
  };
  return (
    <form class="form card admin__form" onSubmit={submit} noValidate aria-labelledby="admin-add-title">
      <h2 id="admin-add-title">{t('admin.add')}</h2>
      <Field id="admin-add-email" label={t('admin.add.email')} error={errors.value.email}>
        <input id="admin-add-email" type="email" autocomplete="off" value={email.value} onInput={(e) => (email.value = e.currentTarget.value)} {...ariaDescribedBy('admin-add-email', errors.value.email)} />
      </Field>
      <Field id="admin-add-name" label={t('admin.add.name')} error={errors.value.name}>
        <input id="admin-add-name" type="text" autocomplete="off" value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} {...ariaDescribedBy('admin-add-name', errors.value.name)} />
      </Field>
      <FieldGroup id="admin-add-roles" legend={t('admin.add.roles')} error={errors.value.roles}>
        {ROLES.map((role) => <Checkbox key={role} label={t(`admin.role.${role}`)} checked={roles.value.includes(role)} onToggle={(on) => toggle(role, on)} />)}
      </FieldGroup>
      {refusal.value && <AlertNote>{refusal.value}</AlertNote>}
      <button type="submit" class="button" disabled={isBusy.value}>{isBusy.value ? t('admin.add.sending') : t('admin.add.submit')}</button>
    </form>
  );
}
