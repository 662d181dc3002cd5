/**
 * No edit disappears without a trace (issue 9): when a pull brings a later edit from another
 * phone over a text written on this device, the device keeps its text; restoring it is a new
 * local edit, dismissing it forgets it.
 */
import { describe, expect, it } from 'vitest';
import { applyUserPage } from '../../../src/sync/pull';
import { ensureClientId } from '../../../src/db/meta-store';
import { recordMutation } from '../../../src/db/record-mutation';
import { listLostEdits } from '../../../src/db/lost-edits-store';
import { formatHlc, parseHlc } from '../../../src/shared/hlc';
import { uuidv7 } from '../../../src/shared/ids';
import { createDevice } from './device-fixture';

const RUN = uuidv7();
const ITEM = 'permiso-municipal';
const later = (stamp: string, clientId: string) => formatHlc({ ...parseHlc(stamp), wallMs: parseHlc(stamp).wallMs + 5_000, clientId });

async function writeHere(text: string) {
  const dbs = createDevice();
  await recordMutation(dbs.user, 'checklist.setItem', { runId: RUN, itemId: ITEM, patch: { note: text, done: true } });
  await dbs.user.outbox.clear(); // sent and accepted: the pull may land
  const row = (await dbs.user.checklistItems.get([RUN, ITEM]))!;
  return { dbs, row, clientId: await ensureClientId(dbs.user.meta, Date.now()) };
}

const page = (row: unknown) => ({ changes: [{ table: 'checklistItems', id: `${RUN}:${ITEM}`, version: 9, row }], cursor: 9, hasMore: false });

describe('a text written here that loses to a later edit from another phone', () => {
  it('is kept with its field, and the item shows the winner', async () => {
    const { dbs, row } = await writeHere('El electricista viene el jueves');
    const theirs = later(row.fieldHlc.note!, 'otro-telefono');
    await applyUserPage(dbs.user, page({ ...row, state: { ...row.state, note: 'Quispe llega a las 2 p. m. con su cable' }, fieldHlc: { ...row.fieldHlc, note: theirs } }));
    expect((await dbs.user.checklistItems.get([RUN, ITEM]))?.state.note).toBe('Quispe llega a las 2 p. m. con su cable');
    const kept = await listLostEdits(dbs.user, RUN);
    expect(kept).toEqual([expect.objectContaining({ runId: RUN, itemId: ITEM, field: 'note', text: 'El electricista viene el jueves' })]);
  });

  it('is not kept when the pull only echoes what this device wrote, or another field changed', async () => {
    const { dbs, row } = await writeHere('Mi nota');
    await applyUserPage(dbs.user, page(row));
    await applyUserPage(dbs.user, page({ ...row, state: { ...row.state, done: false }, fieldHlc: { ...row.fieldHlc, done: later(row.fieldHlc.done!, 'otro-telefono') } }));
    expect(await listLostEdits(dbs.user, RUN)).toEqual([]);
  });

  it('is not kept when the text another phone wrote is the same', async () => {
    const { dbs, row } = await writeHere('Igual');
    await applyUserPage(dbs.user, page({ ...row, fieldHlc: { ...row.fieldHlc, note: later(row.fieldHlc.note!, 'otro-telefono') } }));
    expect(await listLostEdits(dbs.user, RUN)).toEqual([]);
  });

  it('a text another phone wrote that a third one replaces is not this device\'s to keep', async () => {
    const dbs = createDevice();
    await ensureClientId(dbs.user.meta, Date.now());
    const first = '001764950400000:0000:segundo-telefono';
    await applyUserPage(dbs.user, page({ runId: RUN, itemId: ITEM, state: { note: 'Del segundo' }, fieldHlc: { note: first }, updatedAt: 'x' }));
    await applyUserPage(dbs.user, page({ runId: RUN, itemId: ITEM, state: { note: 'Del tercero' }, fieldHlc: { note: later(first, 'tercer-telefono') }, updatedAt: 'x' }));
    expect(await listLostEdits(dbs.user, RUN)).toEqual([]);
  });
});
