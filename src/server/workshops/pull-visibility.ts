import type { AuthUser } from '../auth/sessions';
import type { Visibility } from '../sync/visibility';

/**
 * A workshop's records (attendance, proposals, feedback, constancias, who leads it) are read by
 * its team — its owner and the co-facilitadores named by account — and coordinadores, nobody
 * else: a gestor, or a facilitador of another workshop, pulls none of them. `workshopColumn`
 * names the workshop's id in the table.
 */
export function isWorkshopTeamOrCoordinador(workshopColumn = 'workshop_id') {
  return (caller: AuthUser | undefined): Visibility => {
    if (!caller) return { kind: 'none' };
    if (caller.roles.includes('coordinador')) return { kind: 'all' };
    if (caller.roles.includes('facilitador')) return { kind: 'team', ownerColumn: 'owner_id', workshopColumn, userId: caller.id };
    return { kind: 'none' };
  };
}
