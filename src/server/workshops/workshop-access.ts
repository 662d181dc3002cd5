import type { WorkshopsTable } from '../store/schema';
import type { MutationContext, MutationOutcome } from '../sync/mutation-context';
import { readJson } from '../store/json';
import { isParticipant } from './participant';
import { explainClosedWindow, findWorkshop, isStaff, type WorkshopFields } from './workshop-store';

type Access = { workshop: WorkshopsTable; refusal?: undefined } | { workshop?: undefined; refusal: MutationOutcome };

const refuse = (code: 'forbidden' | 'missing_record', message: string): Access => ({ refusal: { applied: false, code, message } });

/**
 * Whether the caller may add a record (attendance or feedback) to the workshop now. Facilitadores
 * and coordinadores may at any time (paper lists typed in later); everyone else — participants
 * without an account, or a gestor attending — needs the workshop's code and its open window.
 */
export async function checkWorkshopAccess(ctx: MutationContext, workshopId: string, code: string | undefined): Promise<Access> {
  const workshop = await findWorkshop(ctx.trx, workshopId);
  if (!workshop) return refuse('missing_record', 'El taller no existe o fue retirado del programa.');
  if (!isParticipant(ctx.caller) && isStaff(ctx.caller)) return { workshop };
  if (!code) return refuse('forbidden', 'Falta el código del taller. Escriba el código que le dio el facilitador o la facilitadora.');
  if (code !== workshop.code) {
    return refuse('forbidden', 'El código no corresponde a este taller. Revise el código que le dio el facilitador o la facilitadora.');
  }
  const closed = explainClosedWindow(readJson<WorkshopFields>(workshop.data), ctx.nowIso);
  return closed ? refuse('forbidden', closed) : { workshop };
}
