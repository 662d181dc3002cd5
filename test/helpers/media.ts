/** Media tests: a gestor's run with photos attached (the text first), and the PUT/GET calls. */
import { uuidv7 } from '../../src/shared/ids';
import type { SessionResponse } from '../../src/shared/protocol';
import { bearer, type TestServer } from './server-app';
import { createDeviceQueue, push, pushEventWithRun } from './server-sync';

/** Creates an event and a run owned by `session`; returns the run id. */
export async function createRun(server: TestServer, session: SessionResponse): Promise<string> {
  return (await pushEventWithRun(server, session)).runId;
}

/** Attaches a photo with this hash to an item of the run (the mutation, not the bytes); returns its photo id. */
export async function attachPhoto(server: TestServer, session: SessionResponse, runId: string, sha256: string, bytes = 200): Promise<string> {
  const device = createDeviceQueue();
  const photoId = uuidv7();
  const args = { runId, itemId: 'afiche', photoId, sha256, width: 8, height: 8, bytes };
  const answer = await push(server, session, device.clientId, [device.next('checklist.attachPhoto', args)]);
  if (answer.rejected.length > 0) throw new Error(JSON.stringify(answer.rejected));
  return photoId;
}

/** Removes a photo from its item. */
export async function removePhoto(server: TestServer, session: SessionResponse, runId: string, photoId: string): Promise<void> {
  const device = createDeviceQueue();
  const answer = await push(server, session, device.clientId, [device.next('checklist.removePhoto', { runId, itemId: 'afiche', photoId })]);
  if (answer.rejected.length > 0) throw new Error(JSON.stringify(answer.rejected));
}

type App = TestServer['app'];

/** `PUT /api/media/<sha256>` with these bytes as `type`, signed in as `session` (or not). */
export function putMedia(app: App, session: SessionResponse | undefined, sha256: string, body: Buffer | string, type = 'image/jpeg') {
  return app.inject({ method: 'PUT', url: `/api/media/${sha256}`, headers: { 'content-type': type, ...(session ? bearer(session) : {}) }, payload: body });
}

/** `GET /api/media/<sha256>` signed in as `session` (or not). */
export function getMedia(app: App, session: SessionResponse | undefined, sha256: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url: `/api/media/${sha256}`, headers: { ...(session ? bearer(session) : {}), ...headers } });
}
