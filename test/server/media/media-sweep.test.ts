/**
 * The photo sweep (#13): one delete per table finds and removes the images no live photo names,
 * with their account rows (so the account's quota is freed); and a photo attached again while
 * the sweep runs keeps its bytes — the sweep waits for the version counter every push holds.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { sweepUnreferencedMedia } from '../../../src/server/media/media-erasure';
import { openMediaStore } from '../../../src/server/media/media-store';
import { lockVersionCounter, nextVersion } from '../../../src/server/store/version';
import { uuidv7 } from '../../../src/shared/ids';
import { makeJpeg, sha256Of } from '../../helpers/images';
import { attachPhoto, createRun, putMedia, removePhoto } from '../../helpers/media';
import { ENGINES, useServerWithUser } from '../../helpers/server-app';

describe.each(ENGINES)('the photo sweep on %s', (engine) => {
  const env = useServerWithUser(engine, ['gestor'], 'Gestora de Huamanga');

  /** A photo attached and uploaded; returns its hash and photo id. */
  async function sendPhoto(runId: string, label: string) {
    const jpeg = makeJpeg({ comment: Buffer.from(label) });
    const sha = sha256Of(jpeg);
    const photoId = await attachPhoto(env.server, env.user, runId, sha, jpeg.length);
    expect((await putMedia(env.server.app, env.user, sha, jpeg)).statusCode).toBe(201);
    return { sha, photoId };
  }
  const holdersOf = async (sha: string) => (await env.server.store.db.selectFrom('media_holders').select('user_id').where('sha256', '=', sha).execute()).length;

  it('removes the bytes and the account rows of a removed photo, counts it, and keeps a live one', async () => {
    const media = openMediaStore(env.server.engine, env.server.store.db, env.server.dataDir);
    const runId = await createRun(env.server, env.user);
    const removed = await sendPhoto(runId, 'quitada por la gestora');
    const live = await sendPhoto(runId, 'sigue en la lista');
    await removePhoto(env.server, env.user, runId, removed.photoId);
    expect(await sweepUnreferencedMedia(env.server.store.db, env.server.engine, media)).toBe(1);
    expect([await media.get(removed.sha), await holdersOf(removed.sha)]).toEqual([undefined, 0]);
    expect([(await media.get(live.sha)) !== undefined, await holdersOf(live.sha)]).toEqual([true, 1]);
    expect(await sweepUnreferencedMedia(env.server.store.db, env.server.engine, media)).toBe(0);
  });

  it.skipIf(engine !== 'postgres')('a photo attached again while a push holds the version counter keeps its bytes: the sweep waits, then sees it', async () => {
    const media = openMediaStore(env.server.engine, env.server.store.db, env.server.dataDir);
    const runId = await createRun(env.server, env.user);
    const photo = await sendPhoto(runId, 'quitada y vuelta a adjuntar');
    await removePhoto(env.server, env.user, runId, photo.photoId);
    const stored = await env.server.store.db.selectFrom('checklist_photos').selectAll().where('id', '=', photo.photoId).executeTakeFirstOrThrow();
    let sweepDone = false;
    let sweep: Promise<number> | undefined;
    // A push that attaches the same image under a new photo id, holding the counter as pushes do.
    await env.server.store.db.transaction().execute(async (trx) => {
      await lockVersionCounter(trx, 'postgres');
      const version = await nextVersion(trx);
      await trx.insertInto('checklist_photos').values({ ...stored, id: uuidv7(), deleted: 0, version, echo_client: null, echo_version: null }).execute();
      sweep = sweepUnreferencedMedia(env.server.store.db, 'postgres', media).finally(() => void (sweepDone = true));
      await sleep(300);
      expect(sweepDone, 'the sweep waits for the push').toBe(false);
    });
    expect(await sweep).toBe(0);
    expect(await media.get(photo.sha)).toBeDefined();
  });
});
