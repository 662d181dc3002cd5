import type { ComponentChildren } from 'preact';
import { Icon } from '../shell/icons';
import './forms.css';

/**
 * An error under a field or a group, with an icon (never colour alone); `id` ties it by
 * aria-describedby. `isAnnounced` (role=alert) for an error that comes from saving, not typing.
 */
export function FieldError({ id, message, isAnnounced = false }: { id: string; message: string | undefined; isAnnounced?: boolean }) {
  if (!message) return null;
  return (
    <p id={id} class="form-error" role={isAnnounced ? 'alert' : undefined}>
      <Icon name="attention" />
      <span>{message}</span>
    </p>
  );
}

/**
 * A labelled field: label, optional hint (`<id>-hint`), the control, and its error (`<id>-error`).
 * The control itself takes `ariaDescribedBy(id, error, …)` so both are read with it.
 */
export function Field({ id, label, hint, error, isAnnounced = false, children }: {
  id: string; label: string; hint?: string | undefined; error?: string | undefined; isAnnounced?: boolean; children: ComponentChildren;
}) {
  return (
    <div class="form-field">
      <label for={id}>{label}</label>
      {hint && <p class="form-hint" id={`${id}-hint`}>{hint}</p>}
      {children}
      <FieldError id={`${id}-error`} message={error} isAnnounced={isAnnounced} />
    </div>
  );
}

/**
 * A fieldset with its legend and one error for the whole group (`<id>-error`), e.g. the dates or
 * the place. `isRow` puts its fields side by side where they fit whole.
 */
export function FieldGroup({ id, legend, error, isRow = false, children }: {
  id: string; legend: string; error?: string | undefined; isRow?: boolean; children: ComponentChildren;
}) {
  return (
    <fieldset class={isRow ? 'form-group form-row' : 'form-group'} {...(error ? { 'aria-describedby': `${id}-error`, 'data-invalid': 'true' } : {})}>
      <legend>{legend}</legend>
      {children}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/** A checkbox with its label beside it, the whole line tappable (≥ 48 px). */
export function Checkbox({ id, label, checked, onToggle, error, isBig = false }: {
  id?: string; label: string; checked: boolean; onToggle(checked: boolean): void; error?: string | undefined; isBig?: boolean;
}) {
  const errorProps = error && id ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {};
  return (
    <>
      <label class={isBig ? 'form-check form-check--big' : 'form-check'}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onToggle(e.currentTarget.checked)} {...errorProps} />
        <span>{label}</span>
      </label>
      {id && <FieldError id={`${id}-error`} message={error} />}
    </>
  );
}

/** One choice among a few, as big radio buttons in a group with its legend and error. */
export function Choice<V extends string>({ id, legend, value, options, onPick, error }: {
  id: string; legend: string; value: string; options: readonly (readonly [V, string])[]; onPick(value: V): void; error?: string | undefined;
}) {
  return (
    <FieldGroup id={id} legend={legend} error={error}>
      {options.map(([option, label]) => (
        <label key={option} class="form-check">
          <input type="radio" name={id} value={option} checked={value === option} onChange={() => onPick(option)} />
          <span>{label}</span>
        </label>
      ))}
    </FieldGroup>
  );
}
