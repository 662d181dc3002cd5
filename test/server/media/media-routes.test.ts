import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFUSALS } from '../../../src/shared/errors';
import { MAX_MEDIA_BYTES } from '../../../src/shared/media';
import type { SessionResponse } from '../../../src/shared/protocol';
import { makeExif, makeJpeg, makeWebp, sha256Of } from '../../helpers/images';
import { attachPhoto, createRun, getMedia, putMedia, removePhoto } from '../../helpers/media';
import { createLoggedInUser, ENGINES, useServerWithUser, type TestServer } from '../../helpers/server-app';

/** How many images the server holds: rows on PostgreSQL, files under TINKUY_DATA_DIR/media on SQLite. */
async function countStoredImages(server: TestServer): Promise<number> {
  if (server.engine === 'postgres') {
    const row = await server.store.db.selectFrom('media_objects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
  const dir = join(server.dataDir, 'media');
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

describe.each(ENGINES)('PUT and GET /api/media on %s', (engine) => {
  const env = useServerWithUser(engine, ['gestor'], 'Gestora de Huamanga');
  let otherGestor: SessionResponse;
  let coordinador: SessionResponse;
  let runId: string;
  beforeAll(async () => {
    otherGestor = await createLoggedInUser(env.server, ['gestor'], 'Gestor de Huanta');
    coordinador = await createLoggedInUser(env.server, ['coordinador'], 'Coordinación');
    runId = await createRun(env.server, env.user);
  });

  it('the owner uploads a photo twice: stored once, both answers succeed, and reads it back with private immutable caching', async () => {
    const jpeg = makeJpeg({ comment: Buffer.from('uno') });
    const sha = sha256Of(jpeg);
    await attachPhoto(env.server, env.user, runId, sha, jpeg.length);
    const before = await countStoredImages(env.server);
    const first = await putMedia(env.server.app, env.user, sha, jpeg);
    expect([first.statusCode, first.json()]).toEqual([201, { sha256: sha, stored: true }]);
    const again = await putMedia(env.server.app, env.user, sha, jpeg);
    expect([again.statusCode, again.json()]).toEqual([200, { sha256: sha, stored: false }]);
    expect(await countStoredImages(env.server)).toBe(before + 1);

    const read = await getMedia(env.server.app, env.user, sha);
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('image/jpeg');
    expect(read.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(read.headers['etag']).toBe(`"${sha}"`);
    expect(Buffer.compare(read.rawPayload, jpeg)).toBe(0);
    const revalidated = await getMedia(env.server.app, env.user, sha, { 'if-none-match': `"${sha}"` });
    expect([revalidated.statusCode, revalidated.rawPayload.length]).toEqual([304, 0]);
  });

  it('a WebP goes and comes back as WebP', async () => {
    const webp = makeWebp();
    const sha = sha256Of(webp);
    await attachPhoto(env.server, env.user, runId, sha, webp.length);
    expect((await putMedia(env.server.app, env.user, sha, webp, 'image/webp')).statusCode).toBe(201);
    const read = await getMedia(env.server.app, env.user, sha);
    expect([read.statusCode, read.headers['content-type']]).toEqual([200, 'image/webp']);
    expect(Buffer.compare(read.rawPayload, webp)).toBe(0);
  });

  it('without a session: 401 for PUT and GET, in Spanish', async () => {
    const jpeg = makeJpeg();
    for (const res of [await putMedia(env.server.app, undefined, sha256Of(jpeg), jpeg), await getMedia(env.server.app, undefined, sha256Of(jpeg))]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({ code: 'unauthorized', message: 'Su sesión terminó. Inicie sesión otra vez para enviar sus cambios.' });
    }
  });

  it('refuses bytes that do not match the hash (400), and a path that is no hash (400)', async () => {
    const jpeg = makeJpeg({ comment: Buffer.from('dos') });
    const sha = sha256Of(jpeg);
    await attachPhoto(env.server, env.user, runId, sha);
    const other = makeJpeg({ comment: Buffer.from('otra') });
    const res = await putMedia(env.server.app, env.user, sha, other);
    expect([res.statusCode, res.json().error.message]).toEqual([400, REFUSALS.mediaHashMismatch]);
    const badName = await putMedia(env.server.app, env.user, 'foto.jpg', jpeg);
    expect([badName.statusCode, badName.json().error.message]).toEqual([400, REFUSALS.mediaBadName]);
    expect((await getMedia(env.server.app, env.user, sha)).json().error.message).toBe(REFUSALS.mediaNotArrived);
  });

  it.each([
    ['text declared as text', Buffer.from('no soy una foto'), 'text/plain'],
    ['a PNG declared as JPEG (magic bytes)', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'image/jpeg'],
    ['a JPEG declared as WebP', makeJpeg(), 'image/webp'],
    ['JSON', Buffer.from('{"foto":true}'), 'application/json'],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'],
  ])('refuses %s with 415', async (_label, body, type) => {
    const sha = sha256Of(body);
    await attachPhoto(env.server, env.user, runId, sha);
    const res = await putMedia(env.server.app, env.user, sha, body, type);
    expect([res.statusCode, res.json().error]).toEqual([415, { code: 'unsupported_media_type', message: REFUSALS.mediaNotImage }]);
  });

  it('refuses a photo over 1 MiB with 413', async () => {
    const big = makeJpeg({ comment: Buffer.alloc(60_000, 0x20) });
    const body = Buffer.concat([big, Buffer.alloc(MAX_MEDIA_BYTES + 1 - big.length)]);
    const sha = sha256Of(body);
    await attachPhoto(env.server, env.user, runId, sha, MAX_MEDIA_BYTES);
    const res = await putMedia(env.server.app, env.user, sha, body);
    expect([res.statusCode, res.json().error]).toEqual([413, { code: 'payload_too_large', message: REFUSALS.mediaTooLarge }]);
  });

  it.each([
    ['a JPEG with EXIF GPS', makeJpeg({ exif: makeExif({ gps: true }) }), 'image/jpeg', REFUSALS.mediaHasLocation],
    ['a WebP with an EXIF chunk holding GPS', makeWebp({ exif: makeExif({ gps: true }) }), 'image/webp', REFUSALS.mediaHasLocation],
    ['a JPEG whose EXIF cannot be read', makeJpeg({ exif: Buffer.from('roto') }), 'image/jpeg', REFUSALS.mediaMetadataUnreadable],
  ])('refuses %s with 400 and stores nothing', async (_label, body, type, message) => {
    const sha = sha256Of(body);
    await attachPhoto(env.server, env.user, runId, sha);
    const before = await countStoredImages(env.server);
    const res = await putMedia(env.server.app, env.user, sha, body, type);
    expect([res.statusCode, res.json().error.message]).toEqual([400, message]);
    expect(await countStoredImages(env.server)).toBe(before);
  });

  it('accepts a JPEG whose EXIF holds no location (only the orientation)', async () => {
    const jpeg = makeJpeg({ exif: makeExif({ gps: false }) });
    const sha = sha256Of(jpeg);
    await attachPhoto(env.server, env.user, runId, sha);
    expect((await putMedia(env.server.app, env.user, sha, jpeg)).statusCode).toBe(201);
  });

  it('refuses (409) bytes no photo of the caller names: unattached, or attached by someone else', async () => {
    const jpeg = makeJpeg({ comment: Buffer.from('tres') });
    const sha = sha256Of(jpeg);
    const res = await putMedia(env.server.app, env.user, sha, jpeg);
    expect([res.statusCode, res.json().error]).toEqual([409, { code: 'conflict', message: REFUSALS.mediaNotAttached }]);
    await attachPhoto(env.server, env.user, runId, sha);
    expect((await putMedia(env.server.app, otherGestor, sha, jpeg)).statusCode).toBe(409);
  });

  it('a hash alone opens nothing: another gestor who attaches it to their own run reads it only after sending its bytes', async () => {
    const jpeg = makeJpeg({ comment: Buffer.from('ajena') });
    const sha = sha256Of(jpeg);
    await attachPhoto(env.server, env.user, runId, sha);
    expect((await putMedia(env.server.app, env.user, sha, jpeg)).statusCode).toBe(201);
    await attachPhoto(env.server, otherGestor, await createRun(env.server, otherGestor), sha);
    // For them it has not arrived: the answer says nothing of what another account sent.
    const before = await getMedia(env.server.app, otherGestor, sha);
    expect([before.statusCode, before.json().error.message]).toEqual([404, REFUSALS.mediaNotArrived]);
    // Sending the same picture proves they have it: stored once, and now theirs to read too.
    const sent = await putMedia(env.server.app, otherGestor, sha, jpeg);
    expect([sent.statusCode, sent.json()]).toEqual([200, { sha256: sha, stored: false }]);
    expect((await getMedia(env.server.app, otherGestor, sha)).statusCode).toBe(200);
  });

  it('GET: the owner and coordinación read it; another gestor gets 404; once removed, nobody reads it', async () => {
    const jpeg = makeJpeg({ comment: Buffer.from('cuatro') });
    const sha = sha256Of(jpeg);
    const photoId = await attachPhoto(env.server, env.user, runId, sha);
    expect((await putMedia(env.server.app, env.user, sha, jpeg)).statusCode).toBe(201);
    expect((await getMedia(env.server.app, env.user, sha)).statusCode).toBe(200);
    expect((await getMedia(env.server.app, coordinador, sha)).statusCode).toBe(200);
    const stranger = await getMedia(env.server.app, otherGestor, sha);
    expect([stranger.statusCode, stranger.json().error]).toEqual([404, { code: 'not_found', message: REFUSALS.mediaNotFound }]);
    await removePhoto(env.server, env.user, runId, photoId);
    expect((await getMedia(env.server.app, env.user, sha)).statusCode).toBe(404);
    expect((await getMedia(env.server.app, coordinador, sha)).statusCode).toBe(404);
  });
});
