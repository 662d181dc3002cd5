import { describe, expect, it, vi } from 'vitest';
import { CATALOGUE_CURSOR_KEY } from '../../../src/db/catalogue-meta-store';
import { getClientId, META_KEYS, writeMeta } from '../../../src/db/meta-store';
import { hasNewOnServer } from '../../../src/sync/live-check';
import { createDevice, json, scriptTransport, signIn } from './device-fixture';

const noContent = () => new Response(null, { status: 204 });

describe('asking the server whether anything is new (live screens)', () => {
  it('sends both cursors, the device id and the bearer; a 204 means no, a 200 means yes', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    await writeMeta(dbs.user.meta, META_KEYS.userCursor, 41);
    await dbs.catalogue.meta.put({ key: CATALOGUE_CURSOR_KEY, value: 12 });
    let news = false;
    const { transport, seen } = scriptTransport(() => (news ? json(200, { scopes: ['user'] }) : noContent()));
    expect(await hasNewOnServer({ ...dbs, transport })).toBe(false);
    news = true;
    expect(await hasNewOnServer({ ...dbs, transport })).toBe(true);
    const clientId = await getClientId(dbs.user);
    expect(seen[0]!.path).toMatch(new RegExp(`^/api/sync/head\\?catalogue=12&user=41&clientId=${clientId}$`));
    expect(seen[0]!.headers.authorization).toBe('Bearer access-1');
  });

  it('asks only about the catalogue without a session, and never names the device once echoes are off', async () => {
    const dbs = createDevice();
    const { transport, seen } = scriptTransport(() => noContent());
    await hasNewOnServer({ ...dbs, transport });
    expect(seen[0]!.path).toMatch(/^\/api\/sync\/head\?catalogue=\d+$/);
    expect(seen[0]!.headers.authorization).toBeUndefined();
    await signIn(dbs);
    await writeMeta(dbs.user.meta, META_KEYS.echoOff, true);
    await hasNewOnServer({ ...dbs, transport });
    expect(seen[1]!.path).not.toContain('clientId=');
  });

  it('says yes without asking when the token is about to run out (a round renews it), and no when the network is down', async () => {
    const dbs = createDevice();
    await signIn(dbs, { expiresAt: new Date(Date.now() + 5_000).toISOString() });
    const { transport, seen } = scriptTransport(() => noContent());
    expect(await hasNewOnServer({ ...dbs, transport })).toBe(true);
    expect(seen).toHaveLength(0);
    await signIn(dbs);
    const unreachable = () => Promise.reject(new TypeError('Failed to fetch'));
    vi.stubGlobal('navigator', { onLine: false });
    try {
      expect(await hasNewOnServer({ ...dbs, transport: unreachable })).toBe(false);
      // The network is up but the server does not answer: a round must run to say so on screen.
      vi.stubGlobal('navigator', { onLine: true });
      expect(await hasNewOnServer({ ...dbs, transport: unreachable })).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
