/**
 * Asks the server for the one workshop a participant's QR code names (`GET
 * /api/workshops/by-code/<CÓDIGO>`, #12), instead of the whole catalogue: what the door needs to
 * offer «Registrar mi asistencia». The answer is the row a catalogue pull would carry.
 */
import { WorkshopByCodeResponse, type Change } from '../shared/protocol';
import { doorWorkshopPath, takePrefetchedDoor } from './door-prefetch';
import { readAnswer } from './read-answer';
import { getTransport } from './transport';

/** What the server said about a code: its workshop, no such code, no connection, or no usable answer. */
export type DoorAnswer = { kind: 'found'; change: Change } | { kind: 'missing' } | { kind: 'offline' } | { kind: 'failed' };

/** The workshop with `code` (upper-case), from the request started at page load when there is one. */
export async function askWorkshopByCode(code: string): Promise<DoorAnswer> {
  let response: Response;
  try {
    response = await (takePrefetchedDoor(code) ?? getTransport()(doorWorkshopPath(code), { method: 'GET' }));
  } catch {
    return { kind: 'offline' };
  }
  // 400: not a code's shape at all; 404: no live workshop has it. Either way, no such workshop.
  if (response.status === 404 || response.status === 400) return { kind: 'missing' };
  if (!response.ok) return { kind: 'failed' };
  const body = await readAnswer(response, WorkshopByCodeResponse);
  return body?.change.table === 'workshops' && body.change.row ? { kind: 'found', change: body.change } : { kind: 'failed' };
}
