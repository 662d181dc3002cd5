/**
 * What this device offers to change, by the shared rule the server refuses by
 * (src/shared/permissions.ts): a button the server would refuse is not shown.
 */
import { canChangeEvent } from '../shared/permissions';
import { currentUser } from './session-model';

/**
 * Whether the signed-in person may edit, archive and tick this event (read in a render: live).
 * An event saved on this device and not yet pulled back has no owner yet (''): it is theirs.
 */
export function canEditEvent(event: { ownerId?: string } | null | undefined): boolean {
  if (!event) return false;
  if (!event.ownerId) return true;
  return canChangeEvent(currentUser.value, event.ownerId);
}
