/**
 * `/v/<código>` against the REAL server in process (the transport hands each request to
 * Fastify's `inject`): a valid constancia, a revoked one, an unknown code and no connection.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, configure, render, screen } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { VerifyScreen } from '../../../src/ui/participant/verify-screen';
import { setTransport, type Transport } from '../../../src/sync/transport';
import { uuidv7 } from '../../../src/shared/ids';
import type { SessionResponse } from '../../../src/shared/protocol';
import { createLoggedInUser, startTestServer, type TestServer } from '../../helpers/server-app';
import { createDeviceQueue, push } from '../../helpers/server-sync';
import { makePerson, makeRegistration, makeWorkshopArgs } from '../../server/workshops/workshop-fixtures';

configure({ asyncUtilTimeout: 4000 });

let server: TestServer;
let owner: SessionResponse;
const device = createDeviceQueue();
const workshop = makeWorkshopArgs(Date.parse('2026-11-29T15:00:00.000Z'), { title: 'Gestión de festivales' });
const ana = makeRegistration(workshop.id, makePerson({ fullName: 'Ana Ccori Tito', documentType: 'dni', documentNumber: '40123456', regionCode: '05' }));

const injectTransport: Transport = async (path, init) => {
  const res = await server.app.inject({ method: (init.method ?? 'GET') as 'GET', url: path, remoteAddress: '10.3.0.1' });
  return new Response(res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? '') } });
};

async function issue(code: string): Promise<void> {
  const id = uuidv7();
  const answer = await push(server, owner, device.clientId, [device.next('certificate.issue', { id, attendanceId: ana.id, workshopId: workshop.id, code })]);
  expect(answer.rejected).toEqual([]);
}

function open(code: string) {
  history.replaceState(null, '', `/v/${code}`);
  return render(<LocationProvider><Router><Route path="/v/:code" component={VerifyScreen} /><Route default component={VerifyScreen} /></Router></LocationProvider>);
}

beforeAll(async () => {
  server = await startTestServer('sqlite');
  owner = await createLoggedInUser(server, ['facilitador'], 'Rosa Huamán');
  await push(server, owner, device.clientId, [device.next('workshop.save', workshop), device.next('attendance.register', ana)]);
});
afterAll(async () => server.close());
afterEach(() => {
  cleanup();
  setTransport(undefined);
});

describe('Verificación de constancia (/v/<código>)', { timeout: 20_000 }, () => {
  it('a valid constancia shows the person, the workshop, its hours and region, and no document', async () => {
    setTransport(injectTransport);
    await issue('K7QM-4821');
    open('k7qm-4821');
    expect((await screen.findByRole('status')).textContent).toContain('Constancia válida');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Verificación de constancia');
    const facts = document.querySelector('dl')!.textContent!;
    for (const part of ['Ana Ccori Tito', 'Gestión de festivales', '4 horas', 'Ayacucho', 'K7QM-4821']) expect(facts).toContain(part);
    expect(document.body.textContent).not.toContain('40123456');
  });

  it('a revoked one says it is no longer valid; an unknown code says so', async () => {
    setTransport(injectTransport);
    const [first] = await server.store.db.selectFrom('certificates').select('id').where('code', '=', 'K7QM-4821').execute();
    expect((await push(server, owner, device.clientId, [device.next('certificate.revoke', { id: first!.id })])).rejected).toEqual([]);
    open('K7QM-4821');
    expect((await screen.findByRole('alert')).textContent).toContain('Esta constancia fue anulada');
    cleanup();
    open('ZZZZ-9999');
    expect((await screen.findByRole('alert')).textContent).toContain('No existe una constancia con el código ZZZZ-9999');
  });

  it('without a connection it says the verification needs internet', async () => {
    setTransport(() => Promise.reject(new TypeError('Failed to fetch')));
    open('K7QM-4821');
    expect((await screen.findByRole('alert')).textContent).toContain('Sin conexión: la verificación necesita internet');
  });
});
