/**
 * Photos on the device (#13): kept beside their item, their data in the outbox and their bytes in
 * a queue of their own that goes after the text, one photo per request, and survives a reopen.
 * The server here is scripted (its ordering and faults are what is checked); the real server is
 * in the end-to-end test.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDatabases, type Databases } from '../../../src/db/connection';
import { recordMutation } from '../../../src/db/record-mutation';
import { setPhotoPinned } from '../../../src/db/photos-store';
import { forgetUserData } from '../../../src/db/sign-out';
import { runSyncCycle } from '../../../src/sync/sync-cycle';
import type { Transport } from '../../../src/sync/transport';
import { uuidv7 } from '../../../src/shared/ids';
import { emptyPage, json, signIn } from './device-fixture';

const runId = uuidv7();
const SHA = (n: number) => n.toString(16).padStart(64, '0');

/** Attaches a photo as the screen does: data to the outbox, images as the hint. */
async function attach(dbs: Databases, n: number, itemId = 'permiso-municipal'): Promise<string> {
  const photoId = uuidv7();
  const blob = new Blob([new Uint8Array(1000 + n)], { type: 'image/jpeg' });
  const thumb = new Blob([new Uint8Array(100)], { type: 'image/jpeg' });
  await recordMutation(dbs.user, 'checklist.attachPhoto', { runId, itemId, photoId, sha256: SHA(n), width: 1600, height: 1200, bytes: blob.size, takenAt: '2026-11-28T20:42:07.000Z' }, { blob, thumb });
  return photoId;
}

/** A server that accepts every push and every photo, recording the order of the requests. */
function recordingServer(options: { onPut?: (index: number, init: RequestInit, path: string) => Promise<Response | void> } = {}) {
  const seen: string[] = [];
  let puts = 0;
  const transport: Transport = async (path, init) => {
    const method = init.method ?? 'GET';
    seen.push(`${method} ${path.replace(/\?.*/, '')}`);
    if (path === '/api/auth/refresh') {
      return json(200, { accessToken: 'access-2', refreshToken: 'refresh-token-0000000000002', expiresIn: 900, user: { id: 'u', email: 'a@b.pe', name: 'A', roles: ['gestor'] } });
    }
    if (path === '/api/sync/push') {
      const body = await new Response(new Response(init.body as BodyInit).body!.pipeThrough(new DecompressionStream('gzip'))).json() as { mutations: { seq: number }[] };
      return json(200, { lastSeq: body.mutations.at(-1)!.seq, rejected: [] });
    }
    if (method === 'PUT') {
      expect(init.body).toBeInstanceOf(Blob);
      const answer = await options.onPut?.(puts++, init, path);
      return answer ?? new Response(null, { status: 201 });
    }
    return emptyPage(1);
  };
  return { transport, seen };
}

function openDevice(factory = new IDBFactory(), now: () => number = Date.now): Databases {
  return openDatabases({ indexedDB: factory, IDBKeyRange, now });
}

describe('photos on the device', () => {
  it('a photo attached offline shows at once with its thumbnail, its data waits in the outbox without the image, its bytes in the upload queue', async () => {
    const dbs = openDevice();
    const photoId = await attach(dbs, 1);
    const photo = await dbs.user.photos.get(photoId);
    expect(photo).toMatchObject({ runId, itemId: 'permiso-municipal', sha256: SHA(1), takenAt: '2026-11-28T20:42:07.000Z' });
    expect(photo?.blob?.size).toBe(1001);
    expect(photo?.thumb?.size).toBe(100);
    const [queued] = await dbs.user.outbox.toArray();
    expect(queued?.name).toBe('checklist.attachPhoto');
    expect(JSON.stringify(queued?.args)).not.toMatch(/blob|thumb/);
    expect(await dbs.user.mediaUploads.count()).toBe(1);
  });

  it('the queue survives closing and reopening the database (a reload, a restart)', async () => {
    const factory = new IDBFactory();
    const first = openDevice(factory);
    const photoId = await attach(first, 1);
    first.user.close();
    const again = openDevice(factory);
    expect((await again.user.mediaUploads.get(photoId))?.sha256).toBe(SHA(1));
    expect((await again.user.photos.get(photoId))?.blob?.size).toBe(1001);
  });

  it('a round sends the text first, then each photo once, one per request; after that only the thumbnail stays unless pinned', async () => {
    const dbs = openDevice();
    await signIn(dbs);
    const ids = [await attach(dbs, 1), await attach(dbs, 2, 'extintores'), await attach(dbs, 3, 'extintores')];
    await setPhotoPinned(dbs.user, ids[2]!, true);
    for (let i = 0; i < 5; i += 1) await recordMutation(dbs.user, 'checklist.setItem', { runId, itemId: `item-${i}`, patch: { done: true } });
    const { transport, seen } = recordingServer();
    expect(await runSyncCycle({ ...dbs, transport })).toEqual({ kind: 'done' });
    const firstPut = seen.findIndex((s) => s.startsWith('PUT'));
    expect(seen.slice(0, firstPut).filter((s) => s.startsWith('POST'))).toHaveLength(1);
    expect(seen.slice(firstPut)).toEqual([1, 2, 3].map((n) => `PUT /api/media/${SHA(n)}`));
    expect(await dbs.user.mediaUploads.count()).toBe(0);
    const photos = await dbs.user.photos.bulkGet(ids);
    expect(photos.map((p) => [p?.isOnServer, Boolean(p?.blob), Boolean(p?.thumb)])).toEqual([[true, false, true], [true, false, true], [true, true, true]]);
  });

  it('a tick written while photos upload goes to the server before the next photo starts (only the two on the wire precede it)', async () => {
    const dbs = openDevice();
    await signIn(dbs);
    for (let n = 1; n <= 3; n += 1) await attach(dbs, n);
    let ticked!: () => void;
    const tick = new Promise<void>((resolve) => (ticked = resolve));
    const { transport, seen } = recordingServer({
      onPut: async (index) => {
        if (index === 0) {
          await recordMutation(dbs.user, 'checklist.setItem', { runId, itemId: 'extintores', patch: { done: true } });
          ticked();
        }
        await tick; // no photo finishes before the tick is written
      },
    });
    await runSyncCycle({ ...dbs, transport });
    const puts = seen.map((s, i) => [s, i] as const).filter(([s]) => s.startsWith('PUT')).map(([, i]) => i);
    expect(puts).toHaveLength(3);
    expect(seen.slice(puts[1]! + 1, puts[2]!)).toContain('POST /api/sync/push');
    expect(await dbs.user.outbox.count()).toBe(0);
  });

  it('at most two photos are on the wire at once, each sent once, in the order they were taken', async () => {
    const dbs = openDevice();
    await signIn(dbs);
    for (let n = 1; n <= 5; n += 1) await attach(dbs, n);
    let open = 0;
    let most = 0;
    const { transport, seen } = recordingServer({
      onPut: async () => {
        open += 1;
        most = Math.max(most, open);
        await new Promise((resolve) => setTimeout(resolve, 20));
        open -= 1;
      },
    });
    expect(await runSyncCycle({ ...dbs, transport })).toEqual({ kind: 'done' });
    expect(most).toBe(2);
    expect(seen.filter((s) => s.startsWith('PUT'))).toEqual([1, 2, 3, 4, 5].map((n) => `PUT /api/media/${SHA(n)}`));
    expect(await dbs.user.mediaUploads.count()).toBe(0);
  });

  it('when the access token is refused while two photos are on the wire, one renewal serves both: neither photo asks for a new login', async () => {
    const dbs = openDevice();
    await signIn(dbs);
    await attach(dbs, 1);
    await attach(dbs, 2);
    let bothSent!: () => void;
    const both = new Promise<void>((resolve) => (bothSent = resolve));
    const { transport, seen } = recordingServer({
      onPut: async (index, init) => {
        if (new Headers(init.headers).get('authorization') === 'Bearer access-2') return undefined;
        if (index === 1) bothSent();
        await both; // both photos left with the old token before either is refused
        return json(401, { error: { code: 'unauthorized', message: 'x' } });
      },
    });
    expect(await runSyncCycle({ ...dbs, transport })).toEqual({ kind: 'done' });
    expect(seen.filter((s) => s === 'POST /api/auth/refresh')).toHaveLength(1);
    expect(await dbs.user.mediaUploads.count()).toBe(0);
  });

  it('a 429 (the per-account limit), a 503 or a 408 waits for Retry-After and its backoff, and is sent later, never refused', async () => {
    let now = Date.parse('2026-12-06T10:00:00Z');
    const dbs = openDevice(new IDBFactory(), () => now);
    await signIn(dbs, { expiresAt: '2099-01-01T00:00:00.000Z' });
    const answers = [
      json(429, { error: { code: 'rate_limited', message: 'Demasiados intentos.' } }, { 'retry-after': '120' }),
      json(503, { error: { code: 'unavailable', message: 'El servidor no está disponible por ahora.' } }, { 'retry-after': '30' }),
      new Response(null, { status: 408 }),
    ];
    for (const [index, answer] of answers.entries()) {
      const photoId = await attach(dbs, 10 + index);
      const { transport } = recordingServer({ onPut: async () => answer });
      const outcome = await runSyncCycle({ ...dbs, transport, random: () => 0.5 });
      expect(outcome).toMatchObject({ kind: 'transient' });
      const row = await dbs.user.mediaUploads.get(photoId);
      expect(row?.isRefused).toBeUndefined();
      expect(row!.nextAttemptAt).toBeGreaterThanOrEqual(now + [120_000, 30_000, 0][index]!);
      now = row!.nextAttemptAt + 1;
      const later = recordingServer();
      expect(await runSyncCycle({ ...dbs, transport: later.transport, random: () => 0.5 })).toEqual({ kind: 'done' });
      expect(later.seen.filter((s) => s.startsWith('PUT'))).toEqual([`PUT /api/media/${SHA(10 + index)}`]);
    }
  });

  it('a failing upload waits with its own backoff and says why; a photo the server refuses (415) is not retried and the next one still goes', async () => {
    let now = Date.parse('2026-12-06T10:00:00Z');
    const dbs = openDevice(new IDBFactory(), () => now);
    await signIn(dbs, { expiresAt: '2099-01-01T00:00:00.000Z' });
    const [refused, failing, fine] = [await attach(dbs, 1), await attach(dbs, 2), await attach(dbs, 3)];
    // Answered by photo, not by arrival: two uploads are in flight, so either may reach the server first.
    const tries = new Map<string, number>();
    const { transport, seen } = recordingServer({
      onPut: async (_index, _init, path) => {
        tries.set(path, (tries.get(path) ?? 0) + 1);
        if (path.endsWith(SHA(1))) return json(415, { error: { code: 'unsupported_media_type', message: 'El archivo no es una imagen JPEG ni WebP.' } });
        if (path.endsWith(SHA(2)) && tries.get(path) === 1) return json(503, { error: { code: 'unavailable', message: 'El servidor no está disponible por ahora.' } });
        return undefined;
      },
    });
    const outcome = await runSyncCycle({ ...dbs, transport, random: () => 0.5 });
    expect(outcome).toMatchObject({ kind: 'transient' });
    expect(await dbs.user.mediaUploads.get(refused)).toMatchObject({ isRefused: true, lastError: 'El archivo no es una imagen JPEG ni WebP.' });
    const waiting = await dbs.user.mediaUploads.get(failing);
    expect(waiting).toMatchObject({ attempts: 1 });
    expect(waiting!.nextAttemptAt).toBeGreaterThan(now);
    // Until its wait is over, the failing photo is not tried again; the refused one never is. The
    // third went beside them (two on the wire) or goes in the next round: either way once.
    await runSyncCycle({ ...dbs, transport, random: () => 0.5 });
    expect(seen.filter((s) => s.startsWith('PUT')).sort()).toEqual([1, 2, 3].map((n) => `PUT /api/media/${SHA(n)}`));
    expect((await dbs.user.photos.get(fine))?.isOnServer).toBe(true);
    now = waiting!.nextAttemptAt + 1;
    seen.length = 0;
    expect(await runSyncCycle({ ...dbs, transport, random: () => 0.5 })).toEqual({ kind: 'done' });
    expect(seen.filter((s) => s.startsWith('PUT'))).toEqual([`PUT /api/media/${SHA(2)}`]);
    expect(await dbs.user.mediaUploads.count()).toBe(1); // the refused one, shown, kept
  });

  it('removing a photo before it was sent drops its upload; signing out waits while a photo is only on this phone', async () => {
    const dbs = openDevice();
    const gone = await attach(dbs, 1);
    await attach(dbs, 2);
    await recordMutation(dbs.user, 'checklist.removePhoto', { runId, itemId: 'permiso-municipal', photoId: gone });
    expect(await dbs.user.photos.get(gone)).toBeUndefined();
    expect(await dbs.user.mediaUploads.get(gone)).toBeUndefined();
    expect(await forgetUserData(dbs.user)).toBe(false);
    expect(await dbs.user.photos.count()).toBe(1);
  });
});
