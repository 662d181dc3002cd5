/**
 * One account cannot fill the server's disk (#13): uploads past the per-minute rate get 429 with
 * Retry-After and go through once the minute has passed; the count is kept in the database, so
 * two server processes share it; photos past the account's quota get 413 in words a manager
 * understands, nothing is stored, and sending again a photo the account already sent still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../src/shared/protocol';
import { makeJpeg, sha256Of } from '../../helpers/images';
import { attachPhoto, createRun, getMedia, putMedia } from '../../helpers/media';
import { createLoggedInUser, createTestClock, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';

/** 15 s into a minute: the window has 45 s left. */
const START_MS = Date.parse('2026-11-29T15:00:15.000Z');

/** A distinct photo of about `size` bytes, attached by `user` on the server. */
async function attachNewPhoto(server: TestServer, user: SessionResponse, runId: string, label: string, size = 600): Promise<{ sha: string; jpeg: Buffer }> {
  const jpeg = makeJpeg({ comment: Buffer.from(label.padEnd(size, '.')) });
  const sha = sha256Of(jpeg);
  await attachPhoto(server, user, runId, sha, jpeg.length);
  return { sha, jpeg };
}

describe.each(ENGINES)('an account sending photos too fast on %s', (engine) => {
  const clock = createTestClock(START_MS);
  let server: TestServer;
  let gestor: SessionResponse;
  let runId: string;
  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock.now, mediaLimits: { quotaBytes: 10 * 1024 * 1024, uploadsPerMinute: 3 } });
    gestor = await createLoggedInUser(server, ['gestor']);
    runId = await createRun(server, gestor);
  });
  afterAll(async () => server.close());

  it('the fourth upload in a minute waits (429, Retry-After to the end of the minute, in Spanish); after it, it goes', async () => {
    for (const label of ['uno', 'dos', 'tres']) {
      const { sha, jpeg } = await attachNewPhoto(server, gestor, runId, label);
      expect((await putMedia(server.app, gestor, sha, jpeg)).statusCode).toBe(201);
    }
    const fourth = await attachNewPhoto(server, gestor, runId, 'cuatro');
    const refused = await putMedia(server.app, gestor, fourth.sha, fourth.jpeg);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('45');
    expect(refused.json().error).toEqual({ code: 'rate_limited', message: 'Se enviaron muchas fotos en poco tiempo. Siguen guardadas en el teléfono; se enviarán en 45 segundos.' });
    expect((await getMedia(server.app, gestor, fourth.sha)).statusCode).toBe(404);

    const other = await createLoggedInUser(server, ['gestor'], 'Otra gestora');
    const theirs = await attachNewPhoto(server, other, await createRun(server, other), 'de otra cuenta');
    expect((await putMedia(server.app, other, theirs.sha, theirs.jpeg)).statusCode).toBe(201);

    clock.advance(45_000);
    expect((await putMedia(server.app, gestor, fourth.sha, fourth.jpeg)).statusCode).toBe(201);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('the upload rate with two server processes on one PostgreSQL', () => {
  it('is one count: uploads to either process add up', async () => {
    const clock = createTestClock(START_MS);
    const server = await startTestServer('postgres', { now: clock.now, mediaLimits: { quotaBytes: 10 * 1024 * 1024, uploadsPerMinute: 2 } });
    const twin = await server.startTwin();
    try {
      const gestor = await createLoggedInUser(server, ['gestor']);
      const runId = await createRun(server, gestor);
      const photos = await Promise.all(['a', 'b', 'c'].map((label) => attachNewPhoto(server, gestor, runId, label)));
      expect((await putMedia(server.app, gestor, photos[0]!.sha, photos[0]!.jpeg)).statusCode).toBe(201);
      expect((await putMedia(twin, gestor, photos[1]!.sha, photos[1]!.jpeg)).statusCode).toBe(201);
      expect((await putMedia(server.app, gestor, photos[2]!.sha, photos[2]!.jpeg)).statusCode).toBe(429);
    } finally {
      await twin.close();
      await server.close();
    }
  });
});

describe.each(ENGINES)('an account at its photo quota on %s', (engine) => {
  let server: TestServer;
  let gestor: SessionResponse;
  let runId: string;
  beforeAll(async () => {
    server = await startTestServer(engine, { mediaLimits: { quotaBytes: 1_500, uploadsPerMinute: 100 } });
    gestor = await createLoggedInUser(server, ['gestor']);
    runId = await createRun(server, gestor);
  });
  afterAll(async () => server.close());

  it('a photo past the quota is refused with 413 in words, before its bytes are stored; a repeat of one already sent still succeeds', async () => {
    const first = await attachNewPhoto(server, gestor, runId, 'primera', 900);
    expect((await putMedia(server.app, gestor, first.sha, first.jpeg)).statusCode).toBe(201);
    const second = await attachNewPhoto(server, gestor, runId, 'segunda', 900);
    const refused = await putMedia(server.app, gestor, second.sha, second.jpeg);
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error.code).toBe('payload_too_large');
    expect(refused.json().error.message).toMatch(/^Sus fotos ya ocupan 1 MB de los 0 MB que el servidor guarda por cuenta, y esta foto no se guardó\. Sigue en el teléfono/);
    expect((await getMedia(server.app, gestor, second.sha)).statusCode).toBe(404);
    const again = await putMedia(server.app, gestor, first.sha, first.jpeg);
    expect([again.statusCode, again.json()]).toEqual([200, { sha256: first.sha, stored: false }]);
  });
});
