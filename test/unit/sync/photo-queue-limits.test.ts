/**
 * The server's per-account photo limits, as the device meets them (#13): a 429 (too many uploads
 * this minute) is a wait — the photo is kept, not marked refused, and sent once Retry-After has
 * passed; a 413 (the account's quota is full) is shown with the server's words and kept on the
 * phone until the person acts. The server is scripted; the real one is in
 * test/server/media/media-limits.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDatabases, type Databases } from '../../../src/db/connection';
import { recordMutation } from '../../../src/db/record-mutation';
import { runSyncCycle } from '../../../src/sync/sync-cycle';
import type { Transport } from '../../../src/sync/transport';
import { uuidv7 } from '../../../src/shared/ids';
import { describeMediaQuotaFull } from '../../../src/shared/errors';
import { emptyPage, json, signIn } from './device-fixture';

const runId = uuidv7();
const SHA = (n: number) => n.toString(16).padStart(64, '0');

async function attach(dbs: Databases, n: number): Promise<string> {
  const photoId = uuidv7();
  const blob = new Blob([new Uint8Array(1000 + n)], { type: 'image/jpeg' });
  const thumb = new Blob([new Uint8Array(100)], { type: 'image/jpeg' });
  await recordMutation(dbs.user, 'checklist.attachPhoto', { runId, itemId: 'permiso-municipal', photoId, sha256: SHA(n), width: 1600, height: 1200, bytes: blob.size }, { blob, thumb });
  return photoId;
}

/** Accepts pushes; answers each PUT with `answerPut`, recording which photos were sent. */
function scriptedServer(answerPut: (index: number) => Response) {
  const puts: string[] = [];
  const transport: Transport = async (path, init) => {
    if (path === '/api/sync/push') {
      const body = await new Response(new Response(init.body as BodyInit).body!.pipeThrough(new DecompressionStream('gzip'))).json() as { mutations: { seq: number }[] };
      return json(200, { lastSeq: body.mutations.at(-1)!.seq, rejected: [] });
    }
    if (init.method === 'PUT') return answerPut(puts.push(path) - 1);
    return emptyPage(1);
  };
  return { transport, puts };
}

describe('photos meeting the server limits', () => {
  it('a 429 keeps the photo waiting at least Retry-After, not refused; after the wait it is sent', async () => {
    let now = Date.parse('2026-12-06T10:00:00Z');
    const dbs = openDatabases({ indexedDB: new IDBFactory(), IDBKeyRange, now: () => now });
    await signIn(dbs, { expiresAt: '2099-01-01T00:00:00.000Z' });
    const photoId = await attach(dbs, 1);
    const tooFast = () => new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Se enviaron muchas fotos en poco tiempo.' } }), { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '45' } });
    const { transport, puts } = scriptedServer((index) => (index === 0 ? tooFast() : new Response(null, { status: 201 })));
    expect(await runSyncCycle({ ...dbs, transport, random: () => 0.5 })).toMatchObject({ kind: 'transient' });
    const waiting = await dbs.user.mediaUploads.get(photoId);
    expect(waiting?.isRefused).toBeFalsy();
    expect(waiting!.nextAttemptAt - now).toBeGreaterThanOrEqual(45_000);
    now += 30_000;
    await runSyncCycle({ ...dbs, transport, random: () => 0.5 });
    expect(puts).toHaveLength(1); // still inside Retry-After
    now = waiting!.nextAttemptAt + 1;
    expect(await runSyncCycle({ ...dbs, transport, random: () => 0.5 })).toEqual({ kind: 'done' });
    expect(puts).toEqual([`/api/media/${SHA(1)}`, `/api/media/${SHA(1)}`]);
    expect((await dbs.user.photos.get(photoId))?.isOnServer).toBe(true);
  });

  it('a 413 for a full quota is shown in the server words and the photo stays on the phone', async () => {
    const dbs = openDatabases({ indexedDB: new IDBFactory(), IDBKeyRange });
    await signIn(dbs, { expiresAt: '2099-01-01T00:00:00.000Z' });
    const photoId = await attach(dbs, 2);
    const message = describeMediaQuotaFull(2048, 2048);
    const { transport } = scriptedServer(() => json(413, { error: { code: 'payload_too_large', message } }));
    await runSyncCycle({ ...dbs, transport, random: () => 0.5 });
    expect(await dbs.user.mediaUploads.get(photoId)).toMatchObject({ isRefused: true, lastError: message });
    expect((await dbs.user.photos.get(photoId))?.isOnServer).toBeFalsy();
  });
});
