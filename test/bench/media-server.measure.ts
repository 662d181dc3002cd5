/**
 * Bench: the server taking and giving back a 300 KB photo (#13), on SQLite (files under the data
 * dir) and PostgreSQL (bytea). The real app in-process; the time is the whole `inject`: for PUT,
 * the magic bytes, SHA-256, the location check and the store; for GET, the access check and the
 * read. No budget in DESIGN.md: the figure says what the server adds to the network's time.
 */
import { performance } from 'node:perf_hooks';
import { makeJpeg, sha256Of } from '../helpers/images';
import { attachPhoto, createRun, getMedia, putMedia } from '../helpers/media';
import { createLoggedInUser, startTestServer } from '../helpers/server-app';
import { percentile, type BenchRow } from './bench-row';

const PHOTO_BYTES = 300 * 1024;
const SAMPLES = 30;
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

async function measureOn(engine: 'sqlite' | 'postgres'): Promise<BenchRow[]> {
  const server = await startTestServer(engine, { pgUrl: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_PG_URL });
  try {
    const gestor = await createLoggedInUser(server, ['gestor']);
    const runId = await createRun(server, gestor);
    const photos = Array.from({ length: SAMPLES }, () => makeJpeg({ paddedTo: PHOTO_BYTES }));
    for (const photo of photos) await attachPhoto(server, gestor, runId, sha256Of(photo), photo.length);
    const puts: number[] = [];
    const gets: number[] = [];
    for (const photo of photos) {
      const sha = sha256Of(photo);
      let started = performance.now();
      const put = await putMedia(server.app, gestor, sha, photo);
      puts.push(performance.now() - started);
      if (put.statusCode !== 201) throw new Error(`PUT ${put.statusCode} ${put.body}`);
      started = performance.now();
      const get = await getMedia(server.app, gestor, sha);
      gets.push(performance.now() - started);
      if (get.statusCode !== 200) throw new Error(`GET ${get.statusCode}`);
    }
    const detail = `${SAMPLES} photos of ${PHOTO_BYTES / 1024} KiB, p50 ${percentile(puts, 50).toFixed(1)} / ${percentile(gets, 50).toFixed(1)} ms (PUT / GET)`;
    const name = engine === 'sqlite' ? 'SQLite, files' : 'PostgreSQL, bytea';
    return [
      { area: 'server', what: `storing a 300 KB photo (PUT /api/media), p95, ${name}`, value: percentile(puts, 95), unit: 'ms', budget: null, detail },
      { area: 'server', what: `serving a 300 KB photo (GET /api/media), p95, ${name}`, value: percentile(gets, 95), unit: 'ms', budget: null, detail },
    ];
  } finally {
    await server.close();
  }
}

/** PUT and GET of a 300 KB photo on both engines. */
export async function measureMediaServer(): Promise<BenchRow[]> {
  return [...(await measureOn('sqlite')), ...(await measureOn('postgres'))];
}
