/**
 * Who leads a workshop reaches the device in the user pull (`workshopLeads`), and a device that
 * pulled before leads existed pulls the user scope again from the start, once.
 */
import { describe, expect, it } from 'vitest';
import { pullScope } from '../../../src/sync/pull';
import { META_KEYS, writeMeta } from '../../../src/db/meta-store';
import { readWorkshopLead } from '../../../src/db/workshop-leads-store';
import { uuidv7 } from '../../../src/shared/ids';
import { createDevice, json, scriptTransport, signIn } from './device-fixture';

const round = () => ({ refreshed: false });

describe('workshop leads on the device', () => {
  it('a pulled lead is kept, a deleted one forgotten; an older device pulls once from 0', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    await writeMeta(dbs.user.meta, META_KEYS.userCursor, 40); // pulled before leads existed
    const [kept, gone] = [uuidv7(), uuidv7()];
    await writeMeta(dbs.user.meta, `lead:${gone}`, 'antes');
    const { transport, seen } = scriptTransport(() => json(200, { changes: [
      { table: 'workshopLeads', id: kept, version: 3, row: { id: kept, ownerId: 'rosa' } },
      { table: 'workshopLeads', id: gone, version: 4, deleted: true },
    ], cursor: 41, hasMore: false }));
    await pullScope({ ...dbs, transport }, round(), 'user');
    expect(seen[0]!.path).toMatch(/^\/api\/sync\/pull\?scope=user&cursor=0&limit=500/);
    expect(await readWorkshopLead(dbs.user, kept)).toBe('rosa');
    expect(await readWorkshopLead(dbs.user, gone)).toBeUndefined();
    await pullScope({ ...dbs, transport }, round(), 'user');
    expect(seen[1]!.path).toMatch(/^\/api\/sync\/pull\?scope=user&cursor=41&limit=500/); // only once
  });
});
