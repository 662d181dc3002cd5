import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/shared/ids';
import type { SessionResponse } from '../../../src/shared/protocol';
import type { Role } from '../../../src/shared/schemas/common';
import { createLoggedInUser, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, pull, pullAll, push, pushEventWithRun } from '../../helpers/server-sync';

const ROLES: Role[] = ['gestor', 'facilitador', 'coordinador'];

/** The records a test acts on: an event and a checklist run with one ticked item. */
interface Records {
  eventId: string;
  runId: string;
}

/** Mutation args against `records`; `fresh` ids where the mutation creates something. */
const MUTATIONS: Record<string, (records: Records) => unknown> = {
  'event.save': (r) => makeEventArgs({ id: r.eventId, title: 'Editado' }),
  'event.archive': (r) => ({ id: r.eventId }),
  'checklist.start': (r) => ({ runId: uuidv7(), eventId: r.eventId, templateId: 'general', templateVersion: 1 }),
  'checklist.setItem': (r) => ({ runId: r.runId, itemId: 'afiche', patch: { note: 'Listo' } }),
  'checklist.addItem': (r) => ({ runId: r.runId, itemId: `extra-${Math.random().toString(36).slice(2, 8)}`, section: 'Extra', text: 'Agua para el público' }),
};

/**
 * Who may do what (DESIGN.md § Accounts and access, and the owner-only rules of § Mutations):
 * every role plans its own events and checklists; nobody — not even a coordinador, who sees
 * everything — writes into another person's records.
 */
const MATRIX: { role: Role; mutation: string; own: 'applied'; others: 'not_owner' }[] = ROLES.flatMap((role) =>
  Object.keys(MUTATIONS).map((mutation) => ({ role, mutation, own: 'applied' as const, others: 'not_owner' as const })),
);

describe.each(ENGINES)('permissions on %s', (engine) => {
  let server: TestServer;
  const sessions = new Map<Role, SessionResponse>();
  let owner: SessionResponse;
  let othersRecords: Records;

  const createRecords = (session: SessionResponse): Promise<Records> =>
    pushEventWithRun(server, session, (runId) => [['checklist.setItem', { runId, itemId: 'afiche', patch: { done: true } }]]);

  beforeAll(async () => {
    server = await startTestServer(engine);
    for (const role of ROLES) sessions.set(role, await createLoggedInUser(server, [role], `Cuenta ${role}`));
    owner = await createLoggedInUser(server, ['gestor'], 'Dueña de los registros');
    othersRecords = await createRecords(owner);
  });
  afterAll(async () => server.close());

  it.each(MATRIX)('$role: $mutation on own records is $own, on another person’s is $others', async ({ role, mutation, own, others }) => {
    const session = sessions.get(role)!;
    const ownRecords = await createRecords(session);
    const device = createDeviceQueue();
    const answer = await push(server, session, device.clientId, [
      device.next(mutation, MUTATIONS[mutation]!(ownRecords)),
      device.next(mutation, MUTATIONS[mutation]!(othersRecords)),
    ]);
    expect(answer.lastSeq).toBe(2);
    expect(answer.rejected.find((r) => r.seq === 1)?.code ?? 'applied').toBe(own);
    expect(answer.rejected.find((r) => r.seq === 2)).toEqual({
      seq: 2,
      code: others,
      message: 'Este registro pertenece a otra persona; no se puede modificar desde su cuenta.',
    });
  });

  it('another person’s event is untouched after every role tried to change it', async () => {
    const rows = (await pullAll(server, owner)).changes.filter((c) => c.id === othersRecords.eventId);
    expect(rows.at(-1)?.row).toMatchObject({ title: 'Festival de la Canción Ayacuchana', archived: false, ownerId: owner.user.id });
  });

  it.each([
    { who: 'anónimo', role: undefined, scope: 'catalogue', status: 200 },
    { who: 'anónimo', role: undefined, scope: 'user', status: 401 },
    ...ROLES.flatMap((role) => [
      { who: role, role, scope: 'catalogue', status: 200 },
      { who: role, role, scope: 'user', status: 200 },
    ]),
  ])('$who pulling scope $scope gets $status', async ({ role, scope, status }) => {
    const session = role ? sessions.get(role) : undefined;
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/sync/pull?scope=${scope}`,
      headers: session ? { authorization: `Bearer ${session.accessToken}` } : {},
    });
    expect(res.statusCode).toBe(status);
  });

  it.each([
    { role: 'gestor' as const, seesOthers: false },
    { role: 'facilitador' as const, seesOthers: false },
    { role: 'coordinador' as const, seesOthers: true },
  ])('$role pulling scope user sees own rows, and others’ only as coordinador ($seesOthers)', async ({ role, seesOthers }) => {
    const session = sessions.get(role)!;
    const { changes } = await pullAll(server, session);
    expect(changes.length).toBeGreaterThan(0);
    const ownerIds = new Set(changes.map((c) => (c.row as { ownerId?: string; runId?: string }).ownerId).filter(Boolean));
    expect(ownerIds.has(session.user.id)).toBe(true);
    const hasOthers = changes.some((c) => [othersRecords.eventId, othersRecords.runId, `${othersRecords.runId}:afiche`].includes(c.id));
    expect(hasOthers).toBe(seesOthers);
  });

  it('a catalogue pull with a stale token still answers (the catalogue is public)', async () => {
    const page = await pull(server, { ...sessions.get('gestor')!, accessToken: 'at_caducado' }, { scope: 'catalogue' });
    expect(page.hasMore).toBe(false);
  });
});
