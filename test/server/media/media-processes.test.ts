/**
 * Photos on PostgreSQL live in the database, so two server processes on one database serve the
 * same photos. (An upload's deadline: media-upload-deadline.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { SessionResponse } from '../../../src/shared/protocol';
import { makeJpeg, sha256Of } from '../../helpers/images';
import { attachPhoto, createRun, getMedia, putMedia } from '../../helpers/media';
import { createLoggedInUser, startTestServer, type TestServer } from '../../helpers/server-app';

describe.skipIf(!process.env.TEST_DATABASE_URL)('photos with two server processes on one PostgreSQL', () => {
  let server: TestServer;
  let twin: FastifyInstance;
  let gestor: SessionResponse;
  let runId: string;
  beforeAll(async () => {
    server = await startTestServer('postgres');
    twin = await server.startTwin();
    gestor = await createLoggedInUser(server, ['gestor']);
    runId = await createRun(server, gestor);
  });
  afterAll(async () => {
    await twin.close();
    await server.close();
  });

  it('a photo sent to one process is served by the other', async () => {
    const jpeg = makeJpeg({ comment: Buffer.from('proceso A') });
    const sha = sha256Of(jpeg);
    await attachPhoto(server, gestor, runId, sha);
    expect((await putMedia(twin, gestor, sha, jpeg)).statusCode).toBe(201);
    const read = await getMedia(server.app, gestor, sha);
    expect(read.statusCode).toBe(200);
    expect(Buffer.compare(read.rawPayload, jpeg)).toBe(0);
  });

  it('the same photo sent to both processes at once is stored once, and both answers succeed', async () => {
    const jpeg = makeJpeg({ comment: Buffer.from('a la vez') });
    const sha = sha256Of(jpeg);
    await attachPhoto(server, gestor, runId, sha);
    const answers = await Promise.all([putMedia(server.app, gestor, sha, jpeg), putMedia(twin, gestor, sha, jpeg)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    const rows = await server.store.db.selectFrom('media_objects').select('sha256').where('sha256', '=', sha).execute();
    expect(rows).toHaveLength(1);
  });
});
