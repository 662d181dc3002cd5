/**
 * A workshop's capacity bounds what arrives without staff (security report H4): self check-ins
 * stop when the workshop holds as many people as its capacity (a facilitador may still
 * register past it: people at the door, paper lists), and opinions sent without an account stop
 * at one per place. The self-made rows of any kind (merges of a person already present
 * included) stop at twice the capacity, so no flood of copies grows a workshop without bound.
 */
import { describeFeedbackFull, describeWorkshopFull } from '../../shared/errors';
import { readJson } from '../store/json';
import type { WorkshopsTable } from '../store/schema';
import type { MutationContext, MutationOutcome } from '../sync/mutation-context';
import { countReceivedFeedback } from './feedback-release';
import { isParticipant } from './participant';
import { isStaff, type WorkshopFields } from './workshop-store';

/** Whether the record comes without staff: a participant's phone, or an account that is not staff using the code. */
export function isSelfService(ctx: MutationContext): boolean {
  return isParticipant(ctx.caller) || !isStaff(ctx.caller);
}

function readCapacity(workshop: WorkshopsTable): number {
  return readJson<WorkshopFields>(workshop.data).capacity;
}

async function countAttendance(ctx: MutationContext, workshopId: string, which: 'live' | 'self-made'): Promise<number> {
  let query = ctx.trx.selectFrom('attendance').select((eb) => eb.fn.countAll<number | string>().as('n')).where('workshop_id', '=', workshopId);
  query = which === 'live' ? query.where('deleted', '=', 0) : query.where('recorded_by', 'is', null);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/**
 * The refusal for a self check-in that finds no room, or undefined. `addsPerson`: it would
 * add a new person (not fold into one already present).
 */
export async function checkAttendanceRoom(ctx: MutationContext, workshop: WorkshopsTable, addsPerson: boolean): Promise<MutationOutcome | undefined> {
  if (!isSelfService(ctx)) return undefined;
  const capacity = readCapacity(workshop);
  const full: MutationOutcome = { applied: false, code: 'forbidden', message: describeWorkshopFull(capacity) };
  if (addsPerson && (await countAttendance(ctx, workshop.id, 'live')) >= capacity) return full;
  return (await countAttendance(ctx, workshop.id, 'self-made')) >= 2 * capacity ? full : undefined;
}

/** The refusal for a new opinion without staff once the workshop has one per place (held ones count), or undefined. */
export async function checkFeedbackRoom(ctx: MutationContext, workshop: WorkshopsTable): Promise<MutationOutcome | undefined> {
  if (!isSelfService(ctx)) return undefined;
  const capacity = readCapacity(workshop);
  return (await countReceivedFeedback(ctx.trx, workshop.id)) >= capacity ? { applied: false, code: 'forbidden', message: describeFeedbackFull(capacity) } : undefined;
}
