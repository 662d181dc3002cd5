/**
 * What this device offers to change, by the shared rule the server refuses by
 * (src/shared/permissions.ts): a button the server would refuse is not shown.
 */
import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { readWorkshopLead, readWorkshopTeam } from '../db/workshop-leads-store';
import { canChangeEvent, canChangeWorkshop, canRunWorkshop } from '../shared/permissions';
import { keyedLiveSignal } from './live-signal';
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

/** The owner of a workshop as this device knows it (null: not this account's to change), live. */
export const watchWorkshopLead: (workshopId: string) => ReadonlySignal<string | null | undefined> = keyedLiveSignal(
  (workshopId: string) => readWorkshopLead(getDatabases().user, workshopId).then((owner) => owner ?? null),
  undefined,
);

/** The co-facilitadores of a workshop as this device knows them, live. */
export const watchWorkshopTeam: (workshopId: string) => ReadonlySignal<string[]> = keyedLiveSignal(
  (workshopId: string) => readWorkshopTeam(getDatabases().user, workshopId),
  [],
);

/**
 * Whether the signed-in person may edit this workshop and name its co-facilitadores (read in a
 * render: live): coordinación, or the facilitador who owns it — the rule the server refuses
 * `workshop.save` by.
 */
export function canEditWorkshop(workshopId: string): boolean {
  const user = currentUser.value;
  if (user?.roles.includes('coordinador')) return true;
  return canChangeWorkshop(user, watchWorkshopLead(workshopId).value ?? '');
}

/**
 * Whether the signed-in person runs this workshop (read in a render: live): its owner, a
 * co-facilitador named by account, or coordinación — attendance, its CSV, corrections,
 * constancias, by the rule the server refuses them by.
 */
export function canRunWorkshopHere(workshopId: string): boolean {
  const user = currentUser.value;
  if (user?.roles.includes('coordinador')) return true;
  return canRunWorkshop(user, watchWorkshopLead(workshopId).value ?? '', watchWorkshopTeam(workshopId).value);
}

/**
 * True once this device knows both who is signed in and who leads the workshop, and that is not
 * this account (never for coordinación). While either is still being read it says false, so the
 * leader's attendance form does not blink away while the device opens.
 */
export function isKnownNotToLead(workshopId: string): boolean {
  const user = currentUser.value;
  const lead = watchWorkshopLead(workshopId).value;
  if (!user || lead === undefined || user.roles.includes('coordinador')) return false;
  return !canRunWorkshop(user, lead ?? '', watchWorkshopTeam(workshopId).value);
}
