/**
 * The participant's own constancia on the phone that checked them in (#11), against the REAL
 * server in process: nothing before a check-in; «not issued yet»; once issued, the card and the
 * constancia itself (name, workshop, QR, print); offline the last answer this phone kept;
 * revoked, it says so. The phone asks by the id of its own record only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, configure, render, screen } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import type { Databases } from '../../../src/db/connection';
import { checkInIdKey, checkInKey } from '../../../src/db/attendance-store';
import { writeMeta } from '../../../src/db/meta-store';
import { ParticipantScreen } from '../../../src/ui/participant/participant-screen';
import { setTransport, type Transport } from '../../../src/sync/transport';
import { uuidv7 } from '../../../src/shared/ids';
import type { SessionResponse } from '../../../src/shared/protocol';
import type { WorkshopRow } from '../../../src/shared/schemas/workshop';
import { t } from '../../../src/shared/i18n/participant';
import { createLoggedInUser, startTestServer, type TestServer } from '../../helpers/server-app';
import { createDeviceQueue, push } from '../../helpers/server-sync';
import { makePerson, makeRegistration, makeWorkshopArgs } from '../../server/workshops/workshop-fixtures';
import { useFormDevice } from '../../unit/sync/device-fixture';
import { seedWorkshop } from '../workshops/workshop-fixture';

configure({ asyncUtilTimeout: 6000 });

let server: TestServer;
let owner: SessionResponse;
let dbs: Databases;
let local: WorkshopRow;
const device = createDeviceQueue();
const workshop = makeWorkshopArgs(Date.parse('2026-11-29T15:00:00.000Z'), { title: 'Gestión de festivales', facilitators: ['Rosa Huamán'] });
const ana = makeRegistration(workshop.id, makePerson({ fullName: 'Ana Ccori Tito', documentType: 'dni', documentNumber: '40123456', regionCode: '05' }));
const asked: string[] = [];

const injectTransport: Transport = async (path, init) => {
  asked.push(path);
  const res = await server.app.inject({ method: (init.method ?? 'GET') as 'GET', url: path, remoteAddress: `10.4.0.${asked.length % 250}` });
  return new Response(res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? '') } });
};
const offline: Transport = async () => {
  throw new TypeError('Failed to fetch');
};

beforeAll(async () => {
  server = await startTestServer('sqlite');
  owner = await createLoggedInUser(server, ['facilitador'], 'Rosa Huamán');
  await push(server, owner, device.clientId, [device.next('workshop.save', workshop), device.next('attendance.register', ana)]);
});
afterAll(async () => server.close());
useFormDevice(async (fresh) => {
  dbs = fresh;
  local = await seedWorkshop(dbs);
});
afterEach(() => {
  cleanup();
  setTransport(undefined);
});

/** As the self check-in leaves it: the name, and the id of the record this phone made. */
async function checkIn(attendanceId: string) {
  await writeMeta(dbs.user.meta, checkInKey(local.id), 'Ana Ccori Tito');
  await writeMeta(dbs.user.meta, checkInIdKey(local.id), attendanceId);
}

function openAt(path: string) {
  history.replaceState(null, '', path);
  return render(<LocationProvider><ParticipantScreen /></LocationProvider>);
}

describe('the participant\'s own constancia', { timeout: 30_000 }, () => {
  it('shows nothing on a phone that did not check in, and asks nothing', async () => {
    setTransport(injectTransport);
    asked.length = 0;
    openAt(`/t/${local.code}`);
    await screen.findByRole('heading', { level: 1, name: local.title });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByRole('heading', { name: t('own.title') })).toBeNull();
    // The door refreshes its workshop by code (#12); about a constancia it asks nothing.
    expect(asked.filter((path) => !path.startsWith('/api/workshops/by-code/'))).toEqual([]);
  });

  it('says it is not issued yet, then shows it once issued, drawn whole on its own page; offline, what the phone kept', async () => {
    setTransport(injectTransport);
    await checkIn(ana.id);
    const first = openAt(`/t/${local.code}`);
    await screen.findByText(t('own.pending'));
    expect(asked.at(-1)).toBe(`/api/certificates/for-attendance/${ana.id}`);
    first.unmount();

    const issued = await push(server, owner, device.clientId, [device.next('certificate.issue', { id: uuidv7(), attendanceId: ana.id, workshopId: workshop.id, code: 'K7QM-4821' })]);
    expect(issued.rejected).toEqual([]);
    const second = openAt(`/t/${local.code}`);
    await screen.findByText(t('own.issued'));
    expect(screen.getByRole('link', { name: t('own.open') }).getAttribute('href')).toBe(`/t/${local.code}/constancia`);
    second.unmount();

    setTransport(offline);
    openAt(`/t/${local.code}/constancia`);
    const sheet = await screen.findByRole('article', { name: 'Constancia de participación' });
    for (const part of ['Ana Ccori Tito', '«Gestión de festivales»', 'Rosa Huamán', 'K7QM-4821', '/v/K7QM-4821']) expect(sheet.textContent).toContain(part);
    expect(sheet.textContent).not.toContain('40123456');
    await screen.findByRole('img', { name: /K7QM-4821/ });
    expect(screen.getByText(t('own.saved'))).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Imprimir o guardar como PDF' })).toBeTruthy();
  });

  it('says so when the constancia was revoked, and draws no constancia', async () => {
    setTransport(injectTransport);
    const bea = makeRegistration(workshop.id, makePerson({ fullName: 'Beatriz Soto', documentType: 'dni', documentNumber: '40222333' }));
    const id = uuidv7();
    await push(server, owner, device.clientId, [
      device.next('attendance.register', bea),
      device.next('certificate.issue', { id, attendanceId: bea.id, workshopId: workshop.id, code: 'PQRS-1234' }),
      device.next('certificate.revoke', { id }),
    ]);
    await checkIn(bea.id);
    const card = openAt(`/t/${local.code}`);
    expect((await screen.findByRole('alert')).textContent).toBe(t('own.revoked'));
    card.unmount();
    openAt(`/t/${local.code}/constancia`);
    await screen.findByText(t('own.missing'));
    expect(screen.queryByRole('article')).toBeNull();
  });
});
