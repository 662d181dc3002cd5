import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { recordMutation } from '../../../src/db/record-mutation';
import { META_KEYS, writeMeta } from '../../../src/db/meta-store';
import { listRunItems } from '../../../src/db/checklist-items-store';
import { getRun } from '../../../src/db/checklist-runs-store';
import { formatHlc, parseHlc } from '../../../src/shared/hlc';
import { uuidv7 } from '../../../src/shared/ids';
import { createDevice, makeEvent } from '../sync/device-fixture';

describe('the write path', () => {
  it('several writes in a row from one async function each commit, over different tables, with no pause between them', async () => {
    const { user } = createDevice();
    const event = makeEvent();
    await recordMutation(user, 'event.save', event);
    const runIds: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      const runId = uuidv7();
      runIds.push(runId);
      await recordMutation(user, 'checklist.start', { runId, eventId: event.id, templateId: `plantilla-${n}`, templateVersion: 1 });
      await recordMutation(user, 'checklist.setItem', { runId, itemId: 'sonido', patch: { responsible: 'Rosa Mamani' } });
      await recordMutation(user, 'checklist.addItem', { runId, itemId: `custom-${uuidv7()}`, section: 'Extra', text: 'Llevar agua' });
    }
    const queued = await user.outbox.toArray();
    expect(queued.map((row) => row.name)).toEqual(['event.save', ...Array(3).fill(['checklist.start', 'checklist.setItem', 'checklist.addItem']).flat()]);
    expect(queued.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const runId of runIds) {
      expect((await getRun(user, runId))?.customItems).toHaveLength(1);
      expect((await listRunItems(user, runId)).map((row) => row.state)).toEqual([{ responsible: 'Rosa Mamani' }]);
    }
  });

  it('a write started from code still in the zone of a finished transaction is a transaction of its own and commits', async () => {
    const { user } = createDevice();
    let stillInZone: PromiseLike<void> = Promise.resolve();
    await user.transaction('rw', [user.outbox, user.meta, user.events], () => {
      stillInZone = Dexie.Promise.resolve();
    });
    const event = makeEvent();
    await stillInZone.then(() => recordMutation(user, 'event.save', event));
    expect(await user.events.get(event.id)).toMatchObject({ title: event.title });
    expect(await user.outbox.count()).toBe(1);
  });

  it('each stamp is later than the clock another tab left in meta, and the clock kept is the last stamp', async () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    const { user } = createDevice(() => now);
    const first = await recordMutation(user, 'event.save', makeEvent());
    // Another tab of the same device stamped a change a minute ahead.
    const otherTab = formatHlc({ wallMs: now + 60_000, counter: 7, clientId: parseHlc(first.hlc).clientId });
    await writeMeta(user.meta, META_KEYS.hlc, otherTab);
    const second = await recordMutation(user, 'event.save', makeEvent());
    expect(second.hlc > otherTab).toBe(true);
    expect(parseHlc(second.hlc).clientId).toBe(parseHlc(first.hlc).clientId);
    expect((await user.meta.get(META_KEYS.hlc))?.value).toBe(second.hlc);
  });

  it('a refused write (storage fault inside the transaction) leaves neither the record, the outbox row nor the clock behind', async () => {
    const { user } = createDevice();
    const before = await recordMutation(user, 'event.save', makeEvent());
    user.events.hook('creating', () => {
      throw new Error('disco lleno');
    });
    await expect(recordMutation(user, 'event.save', makeEvent())).rejects.toThrow('disco lleno');
    expect(await user.outbox.count()).toBe(1);
    expect(await user.events.count()).toBe(1);
    expect((await user.meta.get(META_KEYS.hlc))?.value).toBe(before.hlc);
  });
});
