import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/shared/ids';
import type { SessionResponse } from '../../../src/shared/protocol';
import type { ChecklistAttachPhotoArgs, ChecklistPhotoRow } from '../../../src/shared/schemas/checklist-photo';
import { createLoggedInUser, ENGINES, useServerWithUser } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, pullAll, push } from '../../helpers/server-sync';

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function makePhotoArgs(runId: string, overrides: Partial<ChecklistAttachPhotoArgs> = {}): ChecklistAttachPhotoArgs {
  return {
    runId,
    itemId: 'afiche',
    photoId: uuidv7(),
    sha256: sha256Of(randomBytes(32)),
    width: 1600,
    height: 1200,
    bytes: 287_000,
    takenAt: '2026-11-29T13:05:00.000Z',
    caption: 'Permiso pegado en la entrada',
    ...overrides,
  };
}

describe.each(ENGINES)('checklist photos (attachPhoto, removePhoto) on %s', (engine) => {
  const env = useServerWithUser(engine, ['gestor'], 'Gestora de Huamanga');

  /** An event with a run, owned by `session`. */
  async function createRun(session: SessionResponse): Promise<{ eventId: string; runId: string }> {
    const device = createDeviceQueue();
    const event = makeEventArgs();
    const runId = uuidv7();
    const answer = await push(env.server, session, device.clientId, [
      device.next('event.save', event),
      device.next('checklist.start', { runId, eventId: event.id, templateId: 'general', templateVersion: 1 }),
    ]);
    expect(answer.rejected).toEqual([]);
    return { eventId: event.id, runId };
  }

  async function readPhotos(session: SessionResponse) {
    const { changes } = await pullAll(env.server, session);
    return changes.filter((c) => c.table === 'checklistPhotos');
  }

  it('an attached photo is applied once and pulled back by its owner with every field', async () => {
    const { eventId, runId } = await createRun(env.user);
    const device = createDeviceQueue();
    const args = makePhotoArgs(runId);
    const attach = device.next('checklist.attachPhoto', args);
    expect(await push(env.server, env.user, device.clientId, [attach])).toEqual({ lastSeq: 1, rejected: [] });
    // The same mutation again from a second device queue (an imported changes file): no second row.
    const other = createDeviceQueue();
    expect((await push(env.server, env.user, other.clientId, [other.next('checklist.attachPhoto', args)])).rejected).toEqual([]);
    const photos = (await readPhotos(env.user)).filter((c) => c.id === args.photoId);
    expect(photos).toHaveLength(1);
    expect(photos[0]!.row).toEqual({
      id: args.photoId,
      runId,
      itemId: 'afiche',
      eventId,
      ownerId: env.user.user.id,
      sha256: args.sha256,
      width: 1600,
      height: 1200,
      bytes: 287_000,
      takenAt: '2026-11-29T13:05:00.000Z',
      caption: 'Permiso pegado en la entrada',
      updatedAt: expect.any(String),
    } satisfies ChecklistPhotoRow);
  });

  it('a removed photo comes back as a tombstone; removing it again changes nothing', async () => {
    const { runId } = await createRun(env.user);
    const device = createDeviceQueue();
    // Without a caption: the optional fields stay optional.
    const { caption: _caption, ...args } = makePhotoArgs(runId);
    const remove = { runId, itemId: args.itemId, photoId: args.photoId };
    const answer = await push(env.server, env.user, device.clientId, [
      device.next('checklist.attachPhoto', args),
      device.next('checklist.removePhoto', remove),
      device.next('checklist.removePhoto', remove),
    ]);
    expect(answer).toEqual({ lastSeq: 3, rejected: [] });
    const changes = (await readPhotos(env.user)).filter((c) => c.id === args.photoId);
    expect(changes).toEqual([{ table: 'checklistPhotos', id: args.photoId, version: expect.any(Number), deleted: true }]);
  });

  it('another account cannot attach to or remove from a run it does not own, not even coordinación', async () => {
    const { runId } = await createRun(env.user);
    const device = createDeviceQueue();
    const args = makePhotoArgs(runId);
    await push(env.server, env.user, device.clientId, [device.next('checklist.attachPhoto', args)]);
    for (const roles of [['gestor'], ['coordinador']] as const) {
      const stranger = await createLoggedInUser(env.server, [...roles]);
      const queue = createDeviceQueue();
      const answer = await push(env.server, stranger, queue.clientId, [
        queue.next('checklist.attachPhoto', makePhotoArgs(runId)),
        queue.next('checklist.removePhoto', { runId, itemId: args.itemId, photoId: args.photoId }),
      ]);
      expect(answer.rejected.map((r) => r.code)).toEqual(['not_owner', 'not_owner']);
    }
    // Coordinación reads it (it sees every event); another gestor does not.
    const coordinador = await createLoggedInUser(env.server, ['coordinador']);
    expect((await readPhotos(coordinador)).map((c) => c.id)).toContain(args.photoId);
    const gestor = await createLoggedInUser(env.server, ['gestor']);
    expect(await readPhotos(gestor)).toEqual([]);
  });

  it('refuses, in Spanish, a photo on a run that does not exist, a photo id reused for another image, and a remove of an unknown photo', async () => {
    const { runId } = await createRun(env.user);
    const device = createDeviceQueue();
    const args = makePhotoArgs(runId);
    const answer = await push(env.server, env.user, device.clientId, [
      device.next('checklist.attachPhoto', makePhotoArgs(uuidv7())),
      device.next('checklist.attachPhoto', args),
      device.next('checklist.attachPhoto', { ...args, sha256: sha256Of(randomBytes(8)) }),
      device.next('checklist.removePhoto', { runId, itemId: 'afiche', photoId: uuidv7() }),
      device.next('checklist.removePhoto', { runId, itemId: 'otro-item', photoId: args.photoId }),
    ]);
    expect(answer.rejected).toEqual([
      { seq: 1, code: 'missing_record', message: 'El registro al que se refiere este cambio no existe en el servidor.' },
      { seq: 3, code: 'conflict', message: 'Ya existe una foto con este identificador en otro ítem o con otra imagen; no se cambió.' },
      { seq: 4, code: 'missing_record', message: expect.any(String) },
      { seq: 5, code: 'missing_record', message: expect.any(String) },
    ]);
  });

  it.each([
    ['a hash that is not SHA-256 hex', { sha256: 'ABC' }, 'La huella de la foto (SHA-256) no es válida.'],
    ['a photo wider than 1,600 px', { width: 4000 }, 'El ancho de la foto no puede pasar de 1600 píxeles; redúzcala antes de adjuntarla.'],
    ['a photo over 1 MiB', { bytes: 1024 * 1024 + 1 }, 'La foto pesa más de 1 MiB; redúzcala antes de adjuntarla.'],
    ['a time taken that is no date', { takenAt: 'ayer' }, 'Fecha y hora no válidas.'],
  ])('refuses %s with a Spanish reason', async (_label, overrides, reason) => {
    const { runId } = await createRun(env.user);
    const device = createDeviceQueue();
    const answer = await push(env.server, env.user, device.clientId, [device.next('checklist.attachPhoto', { ...makePhotoArgs(runId), ...overrides })]);
    expect(answer.rejected).toEqual([{ seq: 1, code: 'validation_failed', message: expect.stringContaining(reason) }]);
  });
});
