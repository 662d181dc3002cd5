import type { ComponentChildren } from 'preact';
import { Icon } from '../shell/icons';

/** A labelled field; `error` shows under it with an icon and is tied by aria-describedby. */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string | undefined; hint?: string; children: ComponentChildren }) {
  return (
    <div class="ws-field">
      <label for={id}>{label}</label>
      {hint && <p class="ws-hint" id={`${id}-hint`}>{hint}</p>}
      {children}
      {error && <p id={`${id}-error`} class="ws-error"><Icon name="attention" /><span>{error}</span></p>}
    </div>
  );
}

/** The aria attributes of an input with an error (and a hint). */
export function describe(id: string, error: string | undefined, hasHint = false): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
  const ids = [hasHint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const attributes: { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } = {};
  if (error) attributes['aria-invalid'] = 'true';
  if (ids) attributes['aria-describedby'] = ids;
  return attributes;
}

/** A select with an empty first option. */
export function Select({ id, value, options, empty, onPick, error }: {
  id: string; value: string; options: readonly { code: string; name: string }[]; empty: string; onPick(code: string): void; error?: string | undefined;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onPick(e.currentTarget.value)} {...describe(id, error)}>
      <option value="">{empty}</option>
      {options.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
    </select>
  );
}

/** An announced error or confirmation box at the top of a form (role=alert / role=status). */
export function Notice({ kind, text, id }: { kind: 'error' | 'done'; text: string; id?: string }) {
  if (!text) return <div id={id} role={kind === 'error' ? 'alert' : 'status'} class="visually-hidden" />;
  return (
    <div id={id} role={kind === 'error' ? 'alert' : 'status'} tabIndex={-1} class={kind === 'error' ? 'note note--attention' : 'note note--done'}>
      <Icon name={kind === 'error' ? 'attention' : 'upToDate'} />
      <span>{text}</span>
    </div>
  );
}
