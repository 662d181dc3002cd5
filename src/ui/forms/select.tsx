import { ariaDescribedBy } from './aria';

/** One option of a `Select`: the stored code and the words shown. */
export interface SelectOption {
  code: string;
  name: string;
}

/** A select with an empty first option (`empty`: «Elija…» or what "none" means here). */
export function Select({ id, value, options, empty, onPick, error, errorId, isInvalid }: {
  id: string; value: string; options: readonly SelectOption[]; empty: string; onPick(code: string): void;
  error?: string | undefined; errorId?: string; isInvalid?: boolean;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onPick(e.currentTarget.value)}
      {...ariaDescribedBy(id, error, { ...(errorId ? { errorId } : {}), ...(isInvalid === undefined ? {} : { isInvalid }) })}>
      <option value="">{empty}</option>
      {options.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
    </select>
  );
}
