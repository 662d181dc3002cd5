import { describe, expect, it } from 'vitest';
import { Dexie, type DBCore } from 'dexie';
import { enqueueMutation } from '../../../src/db/enqueue-mutation';
import { applyEventSave } from '../../../src/db/events-store';
import { recordMutation, ValidationError } from '../../../src/db/record-mutation';
import { getClientId, META_KEYS, readMeta } from '../../../src/db/meta-store';
import { StorageError, isQuotaExceeded, toStorageError } from '../../../src/db/storage-errors';
import { openDatabases } from '../../../src/db/connection';
import { ERROR_MESSAGES } from '../../../src/shared/errors';
import { isUuid } from '../../../src/shared/ids';
import { parseHlc } from '../../../src/shared/hlc';
import { createDevice, makeEvent } from '../sync/device-fixture';

/** A dbcore middleware that fails every write to `table` the way Chromium reports a full disk. */
function failWritesWithQuota(table: string) {
  return {
    stack: 'dbcore' as const,
    name: 'quota-full',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const inner = down.table(name);
        if (name !== table) return inner;
        return {
          ...inner,
          mutate: () => Promise.reject(new Dexie.AbortError('Transaction aborted', new DOMException('The quota has been exceeded.', 'QuotaExceededError'))),
        };
      },
    }),
  };
}

describe('recording a user action', () => {
  it('writes the record and its outbox mutation together, stamped with the HLC and current version', async () => {
    const { user } = createDevice();
    const event = makeEvent();
    const row = await recordMutation(user, 'event.save', event);
    expect(await user.events.get(event.id)).toMatchObject({ title: event.title, archived: false });
    const queued = await user.outbox.toArray();
    expect(queued).toEqual([{ seq: 1, name: 'event.save', v: 1, args: event, hlc: row.hlc, createdAt: expect.any(String) }]);
    expect(parseHlc(row.hlc).clientId).toBe(await getClientId(user));
  });

  it('throws inside the transaction → neither the record nor the outbox changed', async () => {
    const { user } = createDevice();
    const event = makeEvent();
    await expect(
      user.transaction('rw', user.events, user.outbox, user.meta, async (tx) => {
        const queued = await enqueueMutation(tx, 'event.save', event);
        await applyEventSave(user, event, queued.hlc);
        throw new Error('se cortó la luz');
      }),
    ).rejects.toThrow('se cortó la luz');
    expect(await user.events.count()).toBe(0);
    expect(await user.outbox.count()).toBe(0);
  });

  it('a full disk reported inside an AbortError gives the Spanish quota message and writes nothing', async () => {
    const { user } = createDevice();
    user.use(failWritesWithQuota('events'));
    const failure = await recordMutation(user, 'event.save', makeEvent()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as StorageError).code).toBe('quota_exceeded');
    expect((failure as Error).message).toBe(ERROR_MESSAGES.quota_exceeded);
    expect(await user.outbox.count()).toBe(0);
    expect(await user.events.count()).toBe(0);
  });

  it('refuses invalid input with the schema’s Spanish message and writes nothing', async () => {
    const { user } = createDevice();
    const bad = makeEvent({ title: '   ' });
    await expect(recordMutation(user, 'event.save', bad)).rejects.toThrow(new ValidationError('El título es obligatorio.'));
    expect(await user.outbox.count()).toBe(0);
  });

  it('makes the device id once, a UUID, and keeps stamps increasing even when the clock goes back', async () => {
    let now = Date.parse('2026-11-29T12:00:00Z');
    const { user } = createDevice(() => now);
    const first = await recordMutation(user, 'event.save', makeEvent());
    now -= 60 * 60_000;
    const second = await recordMutation(user, 'event.save', makeEvent());
    expect(second.hlc > first.hlc).toBe(true);
    expect(await readMeta(user.meta, META_KEYS.hlc)).toBe(second.hlc);
    const id = await getClientId(user);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(await getClientId(user)).toBe(id);
  });

  it('applies event.save field by field: a stale write does not undo a newer one', async () => {
    const { user } = createDevice();
    const event = makeEvent({ title: 'Primero' });
    await user.transaction('rw', user.events, async () => {
      await applyEventSave(user, event, '001764950400000:0002:dev-a');
      await applyEventSave(user, { ...event, title: 'Viejo' }, '001764950400000:0001:dev-b');
    });
    expect((await user.events.get(event.id))?.title).toBe('Primero');
  });
});

describe('storage failures', () => {
  it.each([
    ['a bare QuotaExceededError', new DOMException('x', 'QuotaExceededError'), 'quota_exceeded'],
    ['an AbortError wrapping it (Dexie inner)', new Dexie.AbortError('aborted', new DOMException('x', 'QuotaExceededError')), 'quota_exceeded'],
    ['an error whose cause is it', new Error('write failed', { cause: new DOMException('x', 'QuotaExceededError') }), 'quota_exceeded'],
    ['a missing IndexedDB (private mode)', new Dexie.MissingAPIError('IndexedDB API missing'), 'storage_unavailable'],
  ] as const)('maps %s to %s', (_label, error, code) => {
    const mapped = toStorageError(error);
    expect(mapped).toBeInstanceOf(StorageError);
    expect((mapped as StorageError).code).toBe(code);
  });

  it('leaves other errors alone', () => {
    const error = new TypeError('boom');
    expect(toStorageError(error)).toBe(error);
    expect(isQuotaExceeded(error)).toBe(false);
  });

  it('opening without IndexedDB says so in Spanish', () => {
    const saved = (globalThis as { indexedDB?: unknown }).indexedDB;
    delete (globalThis as { indexedDB?: unknown }).indexedDB;
    try {
      expect(() => openDatabases()).toThrow(ERROR_MESSAGES.storage_unavailable);
    } finally {
      if (saved) (globalThis as { indexedDB?: unknown }).indexedDB = saved;
    }
  });
});
