/** The aria attributes that tie a control to its hint and its error. */
export interface ControlAria {
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

/**
 * `aria-invalid` when there is an error, and `aria-describedby` naming the hint (`<id>-hint`) and
 * the error (`<id>-error`) that `Field` renders, so a screen reader reads both with the control.
 * `errorId` names an error shown elsewhere (a group's, e.g. the place or the dates).
 */
export function ariaDescribedBy(id: string, error: string | undefined, options: { hasHint?: boolean; errorId?: string; isInvalid?: boolean } = {}): ControlAria {
  const { hasHint = false, errorId = `${id}-error`, isInvalid = true } = options;
  const ids = [hasHint ? `${id}-hint` : '', error ? errorId : ''].filter(Boolean).join(' ');
  const attributes: ControlAria = {};
  if (error && isInvalid) attributes['aria-invalid'] = 'true';
  if (ids) attributes['aria-describedby'] = ids;
  return attributes;
}
