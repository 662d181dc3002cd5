/**
 * Check-ins that arrive at the same moment (#12). A push of check-ins reads the workshop's
 * possible matches before it takes the version counter, so the workshop's row lock is what keeps
 * two pushes from both finding nobody and both adding the same person; the client's row lock is
 * what keeps a retry sent while the first try still runs from applying twice.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/shared/protocol';
import type { AttendanceRow } from '../../../src/shared/schemas/attendance';
import { readCurrentVersion } from '../../../src/server/store/version';
import { createTestClock, ENGINES } from '../../helpers/server-app';
import { createDeviceQueue, pullAll, push, pushAnonymously, pushRaw } from '../../helpers/server-sync';
import { makePerson, makeRegistration, makeWorkshopArgs, useWorkshopTeam } from './workshop-fixtures';

const clock = createTestClock();

function liveRecords(changes: Change[], workshopId: string): AttendanceRow[] {
  const latest = new Map<string, Change>();
  for (const change of changes.filter((c) => c.table === 'attendance')) latest.set(change.id, change);
  return [...latest.values()].filter((c) => !c.deleted).map((c) => c.row as AttendanceRow).filter((r) => r.workshopId === workshopId);
}

describe.each(ENGINES)('check-ins sent at the same moment, on %s', (engine) => {
  const workshop = makeWorkshopArgs(clock.now());
  const team = useWorkshopTeam(engine, clock, async ({ server, owner }) => {
    const device = createDeviceQueue();
    await push(server, owner, device.clientId, [device.next('workshop.save', workshop)]);
  });

  it('the same 20 people registered at once from the facilitadora’s phone, the coordinadora’s laptop and each one’s own phone become 20 records', async () => {
    const people = Array.from({ length: 20 }, (_, i) => makePerson({ fullName: `Persona Simultánea ${i}`, documentType: 'dni', documentNumber: String(45_000_000 + i) }));
    const phone = createDeviceQueue();
    const laptop = createDeviceQueue();
    const pushes = [
      push(team.server, team.owner, phone.clientId, people.map((p) => phone.next('attendance.register', makeRegistration(workshop.id, p)))),
      push(team.server, team.coordinadora, laptop.clientId, [...people].reverse().map((p) => laptop.next('attendance.register', makeRegistration(workshop.id, p)))),
      ...people.slice(0, 5).map(async (p, i) => {
        const own = createDeviceQueue();
        const res = await pushAnonymously(team.server, own.clientId, [own.next('attendance.register', makeRegistration(workshop.id, p, { workshopCode: workshop.code }))], `10.77.0.${i + 1}`);
        return res.json() as { rejected: unknown[] };
      }),
    ];
    for (const answer of await Promise.all(pushes)) expect(answer.rejected).toEqual([]);
    const records = liveRecords((await pullAll(team.server, team.owner)).changes, workshop.id);
    expect(records.filter((r) => r.person.fullName.startsWith('Persona Simultánea'))).toHaveLength(20);
    // Every id sent names one of them: the later copies were merged into the first record.
    expect(records.reduce((n, r) => n + 1 + r.mergedIds.length, 0)).toBe(20 + 20 + 5);
  });

  it('a batch of check-ins retried three times while the first try still runs is applied once', async () => {
    const device = createDeviceQueue();
    const batch = Array.from({ length: 30 }, (_, i) =>
      device.next('attendance.register', makeRegistration(workshop.id, makePerson({ fullName: `Persona Reintento ${i}`, documentType: 'dni', documentNumber: String(46_000_000 + i) }))));
    const before = await readCurrentVersion(team.server.store.db);
    const answers = await Promise.all(Array.from({ length: 4 }, () => pushRaw(team.server, team.owner, device.clientId, batch)));
    for (const res of answers) expect(res.json()).toEqual({ lastSeq: 30, rejected: [] });
    expect(await readCurrentVersion(team.server.store.db)).toBe(before + 30);
    const records = liveRecords((await pullAll(team.server, team.owner)).changes, workshop.id);
    expect(records.filter((r) => r.person.fullName.startsWith('Persona Reintento'))).toHaveLength(30);
  });
});
