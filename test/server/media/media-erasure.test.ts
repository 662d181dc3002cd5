import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eraseEventPhotos, sweepUnreferencedMedia } from '../../../src/server/media/media-erasure';
import { openMediaStore, type MediaStore } from '../../../src/server/media/media-store';
import { uuidv7 } from '../../../src/shared/ids';
import { makeJpeg, sha256Of } from '../../helpers/images';
import { attachPhoto, getMedia, putMedia, removePhoto } from '../../helpers/media';
import { createLoggedInUser, ENGINES, useServerWithUser } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, pullAll, push } from '../../helpers/server-sync';
import type { SessionResponse } from '../../../src/shared/protocol';

describe.each(ENGINES)('photos leave the server with what they belong to, on %s', (engine) => {
  const env = useServerWithUser(engine, ['gestor'], 'Gestora de Huamanga');
  let media: MediaStore;
  let coordinador: SessionResponse;
  beforeAll(async () => {
    // The same store the server uses: files under its data dir, or its database.
    media = openMediaStore(env.server.engine, env.server.store.db, env.server.dataDir);
    coordinador = await createLoggedInUser(env.server, ['coordinador']);
  });

  /** An event with a run; returns both ids. */
  async function createEventWithRun(): Promise<{ eventId: string; runId: string }> {
    const device = createDeviceQueue();
    const event = makeEventArgs();
    const runId = uuidv7();
    await push(env.server, env.user, device.clientId, [
      device.next('event.save', event),
      device.next('checklist.start', { runId, eventId: event.id, templateId: 'general', templateVersion: 1 }),
    ]);
    return { eventId: event.id, runId };
  }

  /** A photo attached and uploaded; returns its hash and photo id. */
  async function sendPhoto(runId: string, label: string, bytes = makeJpeg({ comment: Buffer.from(label) })) {
    const sha = sha256Of(bytes);
    const photoId = await attachPhoto(env.server, env.user, runId, sha);
    expect((await putMedia(env.server.app, env.user, sha, bytes)).statusCode).toBeLessThan(300);
    return { sha, photoId };
  }

  it('a removed photo loses its bytes at the sweep; an image another live photo names is kept', async () => {
    const { runId } = await createEventWithRun();
    const removed = await sendPhoto(runId, 'quitada');
    const shared = makeJpeg({ comment: Buffer.from('en dos ítems') });
    const first = await sendPhoto(runId, '', shared);
    await sendPhoto(runId, '', shared);
    await removePhoto(env.server, env.user, runId, removed.photoId);
    await removePhoto(env.server, env.user, runId, first.photoId);
    await sweepUnreferencedMedia(env.server.store.db, env.server.engine, media);
    expect(await media.get(removed.sha)).toBeUndefined();
    expect(await media.get(first.sha)).toBeDefined();
    expect((await getMedia(env.server.app, env.user, first.sha)).statusCode).toBe(200);
  });

  it.skipIf(engine !== 'sqlite')('the sweep deletes what a write cut short left an hour ago, never a write in progress', async () => {
    const folder = join(env.server.dataDir, 'media', 'ab');
    mkdirSync(folder, { recursive: true });
    const stale = join(folder, `${'ab'.padEnd(64, '0')}.jpg.1a2b3c.tmp`);
    const fresh = join(folder, `${'ab'.padEnd(64, '1')}.jpg.4d5e6f.tmp`);
    writeFileSync(stale, 'medio archivo');
    writeFileSync(fresh, 'subiendo');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    await sweepUnreferencedMedia(env.server.store.db, env.server.engine, media);
    expect([existsSync(stale), existsSync(fresh)]).toEqual([false, true]);
  });

  it('erasing an event erases its photos: tombstones on every device, bytes gone, captions not kept; other events keep theirs', async () => {
    const erasedEvent = await createEventWithRun();
    const keptEvent = await createEventWithRun();
    const a = await sendPhoto(erasedEvent.runId, 'acta');
    const b = await sendPhoto(erasedEvent.runId, 'extintores');
    const kept = await sendPhoto(keptEvent.runId, 'plaza limpia');
    expect(await eraseEventPhotos({ db: env.server.store.db, engine: env.server.engine, now: Date.now }, media, erasedEvent.eventId)).toBe(2);

    for (const photo of [a, b]) {
      expect(await media.get(photo.sha)).toBeUndefined();
      expect((await getMedia(env.server.app, coordinador, photo.sha)).statusCode).toBe(404);
    }
    expect((await getMedia(env.server.app, env.user, kept.sha)).statusCode).toBe(200);
    const { changes } = await pullAll(env.server, env.user);
    const latest = new Map(changes.filter((c) => c.table === 'checklistPhotos').map((c) => [c.id, c]));
    expect(latest.get(a.photoId)).toMatchObject({ deleted: true });
    expect(latest.get(b.photoId)).toMatchObject({ deleted: true });
    expect(latest.get(kept.photoId)?.deleted).toBeUndefined();
    const stored = await env.server.store.db.selectFrom('checklist_photos').select(['caption', 'taken_at']).where('event_id', '=', erasedEvent.eventId).execute();
    expect(stored).toEqual([{ caption: null, taken_at: null }, { caption: null, taken_at: null }]);
  });
});
