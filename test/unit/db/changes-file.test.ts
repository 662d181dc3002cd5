import { describe, expect, it } from 'vitest';
import { discardRejectedRow, exportOutbox, exportRejectedRows, importChangesText, isEverythingExported, requeueRejected } from '../../../src/db/changes-file';
import { getClientId } from '../../../src/db/meta-store';
import { recordMutation } from '../../../src/db/record-mutation';
import { drainOutbox } from '../../../src/sync/push';
import { acceptAll, createDevice, json, queueEvents, scriptTransport, signIn } from '../sync/device-fixture';

describe('exporting and importing unsent changes', () => {
  it('exports every queued mutation with its device id and seq, and marks them exported', async () => {
    const phone = createDevice();
    const events = await queueEvents(phone, 2);
    expect(await isEverythingExported(phone.user)).toBe(false);
    const file = await exportOutbox(phone.user);
    const clientId = await getClientId(phone.user);
    expect(file.format).toBe('tinkuy-changes');
    expect(file.mutations.map((m) => [m.clientId, m.seq, m.name, m.v, (m.args as { id: string }).id])).toEqual([
      [clientId, 1, 'event.save', 1, events[0]!.id],
      [clientId, 2, 'event.save', 1, events[1]!.id],
    ]);
    expect(await isEverythingExported(phone.user)).toBe(true);
    await queueEvents(phone, 1);
    expect(await isEverythingExported(phone.user)).toBe(false);
  });

  it('importing on another device queues the changes with new seqs, shows them, and a second import adds nothing', async () => {
    const phone = createDevice();
    const [event] = await queueEvents(phone, 1);
    await recordMutation(phone.user, 'event.archive', { id: event!.id });
    const text = JSON.stringify(await exportOutbox(phone.user));

    const laptop = createDevice();
    await queueEvents(laptop, 1);
    expect(await importChangesText(laptop.user, text)).toEqual({ queued: 2, skipped: 0 });
    expect(await importChangesText(laptop.user, text)).toEqual({ queued: 0, skipped: 2 });
    const queued = await laptop.user.outbox.toArray();
    expect(queued.map((r) => [r.seq, r.name])).toEqual([[1, 'event.save'], [2, 'event.save'], [3, 'event.archive']]);
    expect(queued[1]!.hlc).toBe((await phone.user.outbox.get(1))!.hlc);
    expect(await laptop.user.events.get(event!.id)).toMatchObject({ title: event!.title, archived: true });
  });

  it('importing on the same device while the changes still wait changes nothing', async () => {
    const phone = createDevice();
    await queueEvents(phone, 2);
    const text = JSON.stringify(await exportOutbox(phone.user));
    expect(await importChangesText(phone.user, text)).toEqual({ queued: 0, skipped: 2 });
    expect(await phone.user.outbox.count()).toBe(2);
  });

  it('refuses a file that is not a Tinkuy changes file, in Spanish', async () => {
    const phone = createDevice();
    await expect(importChangesText(phone.user, '{"hola": 1}')).rejects.toThrow('El archivo no es un archivo de cambios de Tinkuy.');
    await expect(importChangesText(phone.user, 'no es json')).rejects.toThrow('no es un archivo de cambios');
  });
});

describe('the attention list', () => {
  async function deviceWithOneRejected() {
    const dbs = createDevice();
    await signIn(dbs);
    await queueEvents(dbs, 2);
    const { transport } = scriptTransport(() => json(200, { lastSeq: 2, rejected: [{ seq: 1, code: 'not_owner', message: 'No es suyo.' }] }));
    await drainOutbox({ ...dbs, transport }, { refreshed: false });
    const [rejected] = await dbs.user.rejected.toArray();
    return { dbs, rejected: rejected! };
  }

  it('retrying puts the change back in the outbox under a new seq and it is sent again', async () => {
    const { dbs, rejected } = await deviceWithOneRejected();
    await requeueRejected(dbs.user, rejected.id!);
    const queued = await dbs.user.outbox.toArray();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.seq).toBe(3);
    expect(queued[0]!.hlc).toBe(rejected.hlc);
    expect(await dbs.user.rejected.count()).toBe(0);
    const { transport, seen } = scriptTransport(acceptAll);
    await drainOutbox({ ...dbs, transport }, { refreshed: false });
    expect((seen[0]!.body as { mutations: { seq: number }[] }).mutations.map((m) => m.seq)).toEqual([3]);
  });

  it('a rejected change can be discarded only after it was exported', async () => {
    const { dbs, rejected } = await deviceWithOneRejected();
    await expect(discardRejectedRow(dbs.user, rejected.id!)).rejects.toThrow('Exporte este cambio');
    expect(await dbs.user.rejected.count()).toBe(1);
    const file = await exportRejectedRows(dbs.user);
    expect(file.mutations.map((m) => m.seq)).toEqual([1]);
    await discardRejectedRow(dbs.user, rejected.id!);
    expect(await dbs.user.rejected.count()).toBe(0);
  });
});
