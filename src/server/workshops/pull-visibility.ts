import type { AuthUser } from '../auth/sessions';
import type { Visibility } from '../sync/visibility';

/**
 * Attendance and feedback are read by the workshop's owner (a facilitador) and coordinadores,
 * nobody else: a gestor, or a facilitador of another workshop, pulls none of them.
 */
export function isWorkshopOwnerOrCoordinador(caller: AuthUser | undefined): Visibility {
  if (!caller) return { kind: 'none' };
  if (caller.roles.includes('coordinador')) return { kind: 'all' };
  if (caller.roles.includes('facilitador')) return { kind: 'owner', column: 'owner_id', userId: caller.id };
  return { kind: 'none' };
}
