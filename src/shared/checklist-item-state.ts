/**
 * An item is «Hecho» or «No aplica», never both. Each is its own field, merged on its own by HLC
 * (so two phones can each set one offline): a person's change sets one and clears the other in
 * the same patch, and when a merge still brings both, the one written last wins. Pure: device
 * views, exports and prints read items through `settleItemState`.
 */
import type { ChecklistItemField, ChecklistItemPatch } from './schemas/checklist';

/** The patch a person's change becomes: ticking «Hecho» clears «No aplica», and the other way round. */
export function makeExclusivePatch(patch: ChecklistItemPatch): ChecklistItemPatch {
  if (patch.done === true && patch.notApplicable === true) return { ...patch, done: false }; // never sent together; n/a is the deliberate one
  if (patch.done === true) return { ...patch, notApplicable: false };
  if (patch.notApplicable === true) return { ...patch, done: false };
  return patch;
}

/**
 * The state to show: when both are set (two phones, each offline), the field with the later
 * stamp stays and the other reads false; without stamps, «No aplica» (the one with a reason).
 */
export function settleItemState(state: ChecklistItemPatch, fieldHlc: Partial<Record<ChecklistItemField, string>> = {}): ChecklistItemPatch {
  if (state.done !== true || state.notApplicable !== true) return state;
  const isDoneLater = (fieldHlc.done ?? '') > (fieldHlc.notApplicable ?? '');
  return isDoneLater ? { ...state, notApplicable: false } : { ...state, done: false };
}
