/**
 * Who may change what: ONE rule, used by the server to refuse (`not_owner`) and by the device to
 * offer only what the server will accept (issue 9: the interface offers only what the server allows).
 */
import type { Role } from './schemas/common';

/** The signed-in account as both sides know it. */
export interface Caller {
  id: string;
  roles: readonly Role[];
}

/**
 * An event and its checklists are changed only by the account that created them. Coordinación
 * sees every event (to follow the country's programme) but does not edit another person's.
 */
export function canChangeEvent(caller: Caller | null | undefined, ownerId: string): boolean {
  return caller != null && caller.id === ownerId;
}

/**
 * A workshop's details and its team of co-facilitadores: the facilitador who owns it, or
 * coordinación.
 */
export function canChangeWorkshop(caller: Caller | null | undefined, ownerId: string): boolean {
  if (!caller) return false;
  return caller.roles.includes('coordinador') || (caller.id === ownerId && caller.roles.includes('facilitador'));
}

/**
 * Running a workshop — its attendance (register, correct, remove, merge, export), proposed
 * corrections and constancias: its owner, the co-facilitadores the owner named by account, or
 * coordinación.
 */
export function canRunWorkshop(caller: Caller | null | undefined, ownerId: string, cofacilitatorIds: readonly string[] = []): boolean {
  if (!caller) return false;
  if (canChangeWorkshop(caller, ownerId)) return true;
  return caller.roles.includes('facilitador') && cofacilitatorIds.includes(caller.id);
}
