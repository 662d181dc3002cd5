/**
 * Last-writer-wins per field, by hybrid logical clock (DESIGN.md § Merge rules). Pure: the
 * server calls it with stored state, the device with local state, and both reach the same
 * answer whatever order the patches arrive in.
 */

export interface FieldState<T extends object> {
  values: Partial<T>;
  /** The stamp of the write that set each field. */
  fieldHlc: Partial<Record<keyof T, string>>;
}

/** Whether a write stamped `incoming` should replace a field last written at `current`. */
export function shouldTakeIncoming(current: string | undefined, incoming: string): boolean {
  return current === undefined || incoming > current;
}

/**
 * Applies `patch`, written at `hlc`, to `state`: each field in the patch wins only if its stamp
 * is newer than the one already there. Returns the new state and whether anything changed.
 */
export function mergeFields<T extends object>(
  state: FieldState<T>,
  patch: Partial<T>,
  hlc: string,
): { state: FieldState<T>; changed: boolean } {
  const values: Partial<T> = { ...state.values };
  const fieldHlc: Partial<Record<keyof T, string>> = { ...state.fieldHlc };
  let changed = false;
  for (const key of Object.keys(patch) as (keyof T)[]) {
    if (!shouldTakeIncoming(fieldHlc[key], hlc)) continue;
    values[key] = patch[key];
    fieldHlc[key] = hlc;
    changed = true;
  }
  return { state: { values, fieldHlc }, changed };
}
