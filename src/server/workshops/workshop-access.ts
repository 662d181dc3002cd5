import type { WorkshopsTable } from '../store/schema';
import type { MutationContext, MutationOutcome } from '../sync/mutation-context';
import { readJson } from '../store/json';
import { isParticipant } from './participant';
import { readRow } from '../sync/push-reads';
import { explainClosedWindow, isStaff, type WorkshopFields } from './workshop-store';
import { canRunWorkshopById } from './workshop-team';

/** `isTeam`: the caller runs this workshop (its owner, a named co-facilitador or a coordinador); otherwise they act as a participant. */
type Access = { workshop: WorkshopsTable; isTeam: boolean; refusal?: undefined } | { workshop?: undefined; isTeam?: undefined; refusal: MutationOutcome };

const refuse = (code: 'forbidden' | 'missing_record' | 'not_owner', message: string): Access => ({ refusal: { applied: false, code, message } });

/**
 * Whether the caller may add a record (attendance or feedback) to the workshop now. Its owner
 * and coordinadores may at any time (paper lists typed in later); everyone else — participants
 * without an account, a gestor attending, a facilitador of another workshop — needs the
 * workshop's code and its open window, and then acts as a participant (a self check-in never
 * rewrites anyone). Staff of another workshop without the code are told it is not theirs.
 */
export async function checkWorkshopAccess(ctx: MutationContext, workshopId: string, code: string | undefined): Promise<Access> {
  // From the push's snapshot when it keeps workshops (a batch of check-ins reads each once).
  const stored = await readRow(ctx.trx, 'workshops', workshopId);
  const workshop = stored?.deleted === 0 ? stored : undefined;
  if (!workshop) return refuse('missing_record', 'El taller no existe o fue retirado del programa.');
  const isStaffCaller = !isParticipant(ctx.caller) && isStaff(ctx.caller);
  if (isStaffCaller && (await canRunWorkshopById(ctx.trx, ctx.caller, workshop.id, workshop.owner_id))) return { workshop, isTeam: true };
  if (!code && isStaffCaller) return refuse('not_owner', 'Este taller lo dirige otra persona: solo ella y coordinación registran su asistencia.');
  if (!code) return refuse('forbidden', 'Falta el código del taller. Escriba el código que le dio el facilitador o la facilitadora.');
  if (code !== workshop.code) {
    return refuse('forbidden', 'El código no corresponde a este taller. Revise el código que le dio el facilitador o la facilitadora.');
  }
  const closed = explainClosedWindow(readJson<WorkshopFields>(workshop.data), ctx.nowIso);
  return closed ? refuse('forbidden', closed) : { workshop, isTeam: false };
}
