/**
 * A push reads the rows its handlers look up by id in one statement per table (#12,
 * src/server/sync/push-reads.ts), and a row the push itself writes is read again afterwards:
 * the same event saved twice, a run started for an event saved in the same push, an item ticked
 * then annotated, a custom item added then ticked — all as if each mutation came alone.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/shared/ids';
import type { ChecklistItemRow, ChecklistRunRow } from '../../../src/shared/schemas/checklist';
import { ENGINES, useServerWithUser } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, pullAll, push } from '../../helpers/server-sync';
import { measurePushStatements } from '../../bench/push-statements.measure';

describe.each(ENGINES)('a push that writes a row, then reads it again, on %s', (engine) => {
  const env = useServerWithUser(engine, ['gestor']);

  it('each mutation sees what the ones before it in the same push wrote', async () => {
    const phone = createDeviceQueue();
    const event = makeEventArgs({ title: 'Feria del libro' });
    const runId = uuidv7();
    const answer = await push(env.server, env.user, phone.clientId, [
      phone.next('event.save', event),
      phone.next('event.save', { ...event, title: 'Feria del libro de Huamanga' }),
      phone.next('checklist.start', { runId, eventId: event.id, templateId: 'concierto', templateVersion: 1 }),
      phone.next('checklist.setItem', { runId, itemId: 'permiso', patch: { done: true } }),
      phone.next('checklist.setItem', { runId, itemId: 'permiso', patch: { note: 'Lo firmó el alcalde' } }),
      phone.next('checklist.addItem', { runId, itemId: 'custom-toldos', section: 'Antes', text: 'Toldos' }),
      phone.next('checklist.addItem', { runId, itemId: 'custom-sillas', section: 'Antes', text: 'Sillas' }),
      phone.next('checklist.setItem', { runId, itemId: 'custom-toldos', patch: { done: true } }),
    ]);
    expect(answer.rejected).toEqual([]);
    const { changes } = await pullAll(env.server, env.user);
    const rowOf = (table: string, id: string) => changes.find((c) => c.table === table && c.id === id)?.row;
    expect(rowOf('events', event.id)).toMatchObject({ title: 'Feria del libro de Huamanga' });
    expect((rowOf('checklistRuns', runId) as ChecklistRunRow).customItems.map((i) => i.itemId)).toEqual(['custom-toldos', 'custom-sillas']);
    expect((rowOf('checklistItems', `${runId}:permiso`) as ChecklistItemRow).state).toEqual({ done: true, note: 'Lo firmó el alcalde' });
    expect((rowOf('checklistItems', `${runId}:custom-toldos`) as ChecklistItemRow).state).toEqual({ done: true });
    const versions = changes.map((c) => c.version);
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe('the statements a push of 100 changes costs', () => {
  it('reads each table in one statement and writes them all in one or a few, not one per mutation (was 269, then 112; 100 check-ins 408)', async () => {
    const rows = await measurePushStatements();
    for (const row of rows.filter((r) => r.what.startsWith('SQL statements to apply'))) {
      // Begin, the client, one read per table, the refusals, the counter, one or two writes per table, commit.
      expect(row.value, row.what).toBeLessThanOrEqual(16);
    }
    expect(rows.filter((r) => r.what.startsWith('SQL statements to apply'))).toHaveLength(3 * ENGINES.length);
    // PostgreSQL: the version counter is taken in the statement that writes the rows, then COMMIT (was 11).
    for (const row of rows.filter((r) => r.what.startsWith('SQL statements holding the version counter'))) expect(row.value, row.what).toBe(2);
  }, 120_000);
});
