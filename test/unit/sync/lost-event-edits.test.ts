/**
 * No edit disappears without a trace, for events (issue 9): a title, place or funding source
 * written on this device that a pull replaces with another phone's later edit is kept.
 */
import { describe, expect, it } from 'vitest';
import { applyUserPage } from '../../../src/sync/pull';
import { ensureClientId } from '../../../src/db/meta-store';
import { recordMutation } from '../../../src/db/record-mutation';
import { listLostFieldEdits } from '../../../src/db/lost-edits-store';
import type { EventRow } from '../../../src/shared/schemas/event';
import { formatHlc, parseHlc } from '../../../src/shared/hlc';
import { createDevice, makeEvent } from './device-fixture';

const later = (stamp: string, clientId: string) => formatHlc({ ...parseHlc(stamp), wallMs: parseHlc(stamp).wallMs + 5_000, clientId });

/** An event saved here and accepted (the outbox empty, so a pull may land), as the server would send it back. */
async function saveHere(overrides: Parameters<typeof makeEvent>[0] = {}) {
  const dbs = createDevice();
  const args = makeEvent({ venue: 'Plaza de Armas', fundingSource: 'Municipalidad de Puno', ...overrides });
  await recordMutation(dbs.user, 'event.save', args);
  await dbs.user.outbox.clear();
  const row = (await dbs.user.events.get(args.id))!;
  return { dbs, row, clientId: await ensureClientId(dbs.user.meta, Date.now()) };
}

const page = (row: EventRow) => ({ changes: [{ table: 'events', id: row.id, version: 9, row }], cursor: 9, hasMore: false });

/** The other phone's save: every field stamped later (event.save sends the whole event). */
function theirSave(row: EventRow, changes: Partial<EventRow>): EventRow {
  const stamp = later(row.fieldHlc!.title!, 'otro-telefono');
  const fieldHlc = Object.fromEntries(Object.keys(row.fieldHlc!).map((key) => [key, stamp]));
  return { ...row, ...changes, fieldHlc };
}

describe('an event text written here that loses to a later save from another phone', () => {
  it('keeps each losing text with its field; the event shows the winner', async () => {
    const { dbs, row } = await saveHere({ title: 'Festival de la Candelaria 2027' });
    await applyUserPage(dbs.user, page(theirSave(row, { title: 'Candelaria: gran parada', venue: 'Estadio Enrique Torres Belón' })));
    expect((await dbs.user.events.get(row.id))?.title).toBe('Candelaria: gran parada');
    const kept = await listLostFieldEdits(dbs.user, 'event', row.id);
    expect(kept.map(({ field, text, rowId }) => ({ field, text, rowId }))).toEqual([
      { field: 'title', text: 'Festival de la Candelaria 2027', rowId: row.id },
      { field: 'venue', text: 'Plaza de Armas', rowId: row.id },
    ]);
  });

  it('keeps the losing text of one event among 200 others applied together in the same page', async () => {
    const { dbs, row } = await saveHere({ title: 'Festival de la Candelaria 2027' });
    const others = Array.from({ length: 200 }, (_, i) => ({ ...makeEvent({ title: `Evento ${i}` }), ownerId: 'u2', archived: false, updatedAt: '2026-11-29T12:00:00.000Z' }));
    const changes = [
      ...others.slice(0, 100).map((other, i) => ({ table: 'events', id: other.id, version: 10 + i, row: other })),
      { table: 'events', id: row.id, version: 200, row: theirSave(row, { title: 'Candelaria: gran parada' }) },
      ...others.slice(100).map((other, i) => ({ table: 'events', id: other.id, version: 300 + i, row: other })),
    ];
    expect(await applyUserPage(dbs.user, { changes, cursor: 399, hasMore: false })).toBe(true);
    expect(await dbs.user.events.count()).toBe(201);
    expect((await dbs.user.events.get(row.id))?.title).toBe('Candelaria: gran parada');
    expect((await listLostFieldEdits(dbs.user, 'event', row.id)).map((e) => e.text)).toEqual(['Festival de la Candelaria 2027']);
  });

  it('keeps nothing when the other save left the texts as they were, or the pull echoes this device', async () => {
    const { dbs, row } = await saveHere();
    await applyUserPage(dbs.user, page(row));
    await applyUserPage(dbs.user, page(theirSave(row, { expectedAudience: 900 })));
    expect(await listLostFieldEdits(dbs.user, 'event', row.id)).toEqual([]);
  });

  it('keeps nothing of a text another phone wrote that a third replaces', async () => {
    const dbs = createDevice();
    await ensureClientId(dbs.user.meta, Date.now());
    const first = '001764950400000:0000:segundo-telefono';
    const theirs: EventRow = { ...makeEvent(), ownerId: 'u1', archived: false, updatedAt: 'x', fieldHlc: { title: first } };
    await applyUserPage(dbs.user, page(theirs));
    await applyUserPage(dbs.user, page({ ...theirs, title: 'Del tercero', fieldHlc: { title: later(first, 'tercer-telefono') } }));
    expect(await listLostFieldEdits(dbs.user, 'event', theirs.id)).toEqual([]);
  });

  it('is told apart from a checklist item\'s kept note (its own key space)', async () => {
    const { dbs, row } = await saveHere();
    await applyUserPage(dbs.user, page(theirSave(row, { fundingSource: 'Gobierno Regional' })));
    const [kept] = await listLostFieldEdits(dbs.user, 'event', row.id);
    expect(kept).toMatchObject({ key: `lostEdit:event:${row.id}:fundingSource`, owner: `event:${row.id}`, text: 'Municipalidad de Puno' });
  });
});
