/**
 * Talleres end to end (issue 6), acting as people do (labels and roles, not CSS classes):
 * a facilitador offline registers 30 participants — four of them twice — reloads offline, and a
 * participant in another browser opens the code link online once, goes offline, checks in and
 * sends feedback; both come online and the SERVER holds exactly 31 people and one feedback.
 * Also: consent unchecked cannot be saved, feedback the server refused shows its reason on the
 * participant's page (never «Enviado al servidor»), a closed workshop offers no form, the CSV
 * parses back with every accent intact, and axe-core finds no serious or critical violation.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Change } from '../../src/shared/protocol';
import { apiLogIn, type Account } from '../helpers/e2e-accounts';
import { expectNoSeriousAxeViolations } from '../helpers/e2e-a11y';
import { waitForServiceWorkerControl } from '../helpers/e2e-browser';
import { describeE2E, type Phone } from '../helpers/e2e-rig';
import { createWorkshop } from '../helpers/e2e-workshop-steps';
import type { RunningServer } from '../helpers/e2e-server';
import { latestByRecord } from '../helpers/e2e-server-view';
import { pullAll } from '../helpers/pull';

const LIMA_TODAY = new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 10);

/** Thirty people; the last four come back typed otherwise (case, accents, spaces) or by the same DNI. */
const PEOPLE = Array.from({ length: 30 }, (_, i) => ({
  name: `${['Ñusta', 'José', 'María', 'Túpac', 'Ángela'][i % 5]} Quispe Huamaní ${i + 1}`,
  dni: i % 3 === 0 ? String(41_000_000 + i) : '',
  entity: `Municipalidad Distrital de Quinua ${i % 4}`,
  region: i % 2 === 0 ? '05' : '08',
}));
const REPEATS = [
  { ...PEOPLE[1]!, name: PEOPLE[1]!.name.toUpperCase() },
  { ...PEOPLE[2]!, name: PEOPLE[2]!.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '') },
  { ...PEOPLE[3]!, name: `  ${PEOPLE[3]!.name.replace(/ /g, '  ')} ` },
  { ...PEOPLE[0]!, name: 'Ñusta Quispe (otra grafía)' }, // same DNI as person 1
];

async function registerPerson(page: Page, person: (typeof PEOPLE)[number], withConsent = true): Promise<void> {
  await page.getByLabel('Nombre completo').fill(person.name);
  if (person.dni) {
    await page.getByLabel('Tipo de documento (opcional)').selectOption({ label: 'DNI' });
    await page.getByLabel('Número de documento (opcional)').fill(person.dni);
  }
  await page.getByLabel('Tipo de entidad').selectOption({ label: 'Municipalidad distrital' });
  await page.getByLabel('Nombre de la entidad').fill(person.entity);
  await page.getByLabel('Región').selectOption(person.region);
  await page.getByLabel('Cargo').fill('Responsable de cultura');
  if (withConsent) await page.getByLabel(/da su consentimiento/).check();
  await page.getByRole('button', { name: 'Guardar asistencia' }).click();
}

/** Every change of the catalogue, or of the user scope as `account` sees it (latest per record). */
async function pullLatest(server: RunningServer, account?: Account): Promise<Map<string, Change>> {
  const session = account ? await apiLogIn(server, account) : undefined;
  return latestByRecord((await pullAll(server, session, account ? 'user' : 'catalogue')).changes);
}

function liveRows(changes: Map<string, Change>, table: string, workshopId: string): Record<string, unknown>[] {
  return [...changes.values()].filter((c) => c.table === table && !c.deleted && (c.row as { workshopId?: string })?.workshopId === workshopId).map((c) => c.row as Record<string, unknown>);
}

async function rate(page: Page, group: string, value: string): Promise<void> {
  await page.getByRole('group', { name: group }).getByRole('radio', { name: new RegExp(`^${value}\\b`) }).check();
}

async function sendFeedback(page: Page): Promise<void> {
  for (const group of ['Contenido', 'Facilitación', 'Utilidad para mi trabajo', 'Organización']) await rate(page, group, '5');
  await rate(page, '¿Recomendaría este taller a un colega? (0 a 10)', '10');
  await page.getByLabel('Comentarios (opcional)').fill('Muy útil: aprendí a calcular el aforo. ¡Gracias, señora Huamán!');
  await page.getByRole('button', { name: 'Enviar mi opinión' }).click();
  await page.getByText(/ya envió su opinión/).waitFor({ timeout: 15_000 });
}

describeE2E('RED workshops: attendance offline, participants by code, nothing lost or counted twice', (rig) => {
  let account: Account;
  let facilitador: Phone;
  let participant: Phone;

  beforeAll(async () => {
    account = rig.addAccount('facilitador', { name: 'Rosa Huamán' });
    facilitador = await rig.openPhone({ login: account, context: { acceptDownloads: true }, name: 'teléfono de la facilitadora' });
    participant = await rig.openPhone({ open: false, name: 'teléfono del participante' });
  });

  it('30 people registered offline (4 twice), a participant offline with code, both online: the server holds 31 people and one feedback, held back', async () => {
    const { page } = facilitador;
    const open = await createWorkshop(facilitador, account, 'Taller e2e: eventos públicos culturales', LIMA_TODAY);
    const closed = await createWorkshop(facilitador, account, 'Taller e2e ya cerrado', '2026-01-10');
    await expect.poll(async () => {
      const catalogue = await pullLatest(rig.server);
      return [open.id, closed.id].filter((id) => catalogue.get(`workshops:${id}`)).length;
    }, { timeout: 30_000, interval: 1_000 }).toBe(2);

    // The participant opens the code link once, online: the app and the workshop are cached.
    const phone = participant.page;
    await participant.goto(`/t/${open.code}`);
    await waitForServiceWorkerControl(phone);
    await phone.getByRole('heading', { level: 1, name: 'Taller e2e: eventos públicos culturales' }).waitFor({ timeout: 30_000 });

    await facilitador.goOffline();
    await facilitador.goto(`/talleres/${open.id}/asistencia`);
    await page.getByRole('heading', { level: 1, name: 'Registro de asistencia' }).waitFor();
    for (const person of [...PEOPLE, ...REPEATS]) {
      await registerPerson(page, person);
      // Saved: the form empties for the next person (a failed save keeps what was typed).
      await expect.poll(() => page.getByLabel('Nombre completo').inputValue(), { timeout: 15_000 }).toBe('');
    }
    await page.getByRole('heading', { name: 'Asistentes: 30' }).waitFor();

    // Consent unchecked: the button explains why and nothing is saved.
    await registerPerson(page, { name: 'Sin Consentimiento Pérez', dni: '', entity: 'Gobierno Regional de Ayacucho', region: '05' }, false);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Sin el consentimiento de la persona no se puede guardar');
    await page.getByLabel('Nombre completo').fill('');

    await page.reload();
    await page.getByRole('heading', { name: 'Asistentes: 30' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Mostrar a los 30' }).click();
    expect(await page.getByText('Unificado con otro registro (1)').count()).toBe(4);
    await expectNoSeriousAxeViolations(page, 'asistencia', { mainOnly: true });

    await participant.goOffline();
    await phone.getByRole('link', { name: 'Registrar mi asistencia' }).click();
    await phone.getByLabel('Nombre completo').fill('Teodoro Ñaupari Cárdenas');
    await phone.getByLabel('Tipo de entidad').selectOption({ label: 'Gobierno regional' });
    await phone.getByLabel('Nombre de la entidad').fill('Gobierno Regional de Junín');
    await phone.getByLabel('Región').selectOption({ label: 'Junín' });
    await phone.getByLabel(/^Leí el aviso de privacidad y acepto/).check();
    await expectNoSeriousAxeViolations(phone, 'registro del participante', { mainOnly: true });
    await phone.getByRole('button', { name: 'Registrar mi asistencia' }).click();
    await phone.getByText(/Gracias, Teodoro Ñaupari Cárdenas/).waitFor();
    // Remembered on this phone: a reload, offline, shows the thanks and not an empty form.
    await phone.reload();
    await phone.getByText(/Gracias, Teodoro Ñaupari Cárdenas: su asistencia quedó registrada/).waitFor({ timeout: 15_000 });
    expect(await phone.getByRole('link', { name: 'Asistencia registrada' }).count()).toBe(1);
    await phone.getByRole('link', { name: 'Dar mi opinión' }).first().click();
    await expectNoSeriousAxeViolations(phone, 'opinión', { mainOnly: true });
    await sendFeedback(phone);
    await phone.reload();
    await phone.getByText(/ya envió su opinión/).waitFor({ timeout: 15_000 });

    for (const one of [facilitador, participant]) await one.expectServerSawNothingWhileOffline();
    await Promise.all([facilitador.goOnline(), participant.goOnline()]);
    await expect.poll(async () => {
      const changes = await pullLatest(rig.server, account);
      // The opinion is held back until four more join it (security report M1): staff get only the count.
      const waiting = liveRows(changes, 'feedbackWaiting', open.id)[0]?.['waiting'];
      return [liveRows(changes, 'attendance', open.id).length, liveRows(changes, 'feedback', open.id).length, waiting];
    }, { timeout: 60_000, interval: 2_000 }).toEqual([31, 0, 1]);
    const changes = await pullLatest(rig.server, account);
    const merged = liveRows(changes, 'attendance', open.id).filter((r) => (r['mergedIds'] as string[]).length > 0);
    expect(merged).toHaveLength(4);
  }, 600_000);

  it('the CSV parses back with every accent intact; the summary reads at a glance and passes axe', async () => {
    const { page } = facilitador;
    await facilitador.goto(`/talleres/${(/\/talleres\/([0-9a-f-]{36})/.exec(page.url()) ?? [])[1]}/resumen`);
    await page.getByRole('heading', { level: 1, name: 'Resumen del taller' }).waitFor();
    await page.getByRole('heading', { name: /Asistentes: 3[01]/ }).waitFor();
    // The participant's opinion waits on the server for a group of five; the facilitadora is told so.
    await page.getByText('1 opinión en espera.').waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar asistencia (CSV)' }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    // A person registered twice keeps the better spelling of one name (accents, capitals), not the later.
    for (const name of ['José Quispe Huamaní 2', 'María Quispe Huamaní 3', 'Ángela Quispe Huamaní 5', 'Ñusta Quispe Huamaní 6', 'Túpac Quispe Huamaní 9']) expect(text).toContain(`"${name}"`);
    for (const name of ['JOSÉ QUISPE HUAMANÍ 2', 'Maria Quispe Huamani 3']) expect(text).not.toContain(`"${name}"`);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 31);
    expect(text.split('\r\n')[0]).toContain('"Nombre completo","Tipo de documento"');
    await expectNoSeriousAxeViolations(page, 'resumen', { mainOnly: true });
    await facilitador.goto('/talleres');
    await page.getByRole('heading', { level: 1, name: 'Talleres' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'talleres', { mainOnly: true });
  }, 120_000);

  it('a refusal shows where the participant acted, never «Enviado al servidor»; a closed window offers no form', async () => {
    const moved = await createWorkshop(facilitador, account, 'Taller e2e que se adelanta', LIMA_TODAY);
    const phone = participant.page;
    await participant.goto(`/t/${moved.code}/opinion`);
    await phone.getByRole('heading', { level: 1, name: 'Taller e2e que se adelanta' }).waitFor({ timeout: 30_000 });
    await participant.goOffline();
    await sendFeedback(phone);
    await phone.getByText('Esperando conexión para enviar.').waitFor();

    // Meanwhile the facilitadora moves the workshop to January: by the server's clock its window closed long ago.
    const { page } = facilitador;
    await facilitador.goto(`/talleres/${moved.id}/editar`);
    await page.getByRole('heading', { level: 1, name: 'Editar taller' }).waitFor();
    await page.getByRole('group', { name: 'Inicio (hora de Lima)' }).getByLabel('Fecha').fill('2026-01-10');
    await page.getByRole('group', { name: 'Término (hora de Lima)' }).getByLabel('Fecha').fill('2026-01-10');
    await page.getByRole('button', { name: 'Guardar taller' }).click();
    await expect.poll(async () => ((await pullLatest(rig.server)).get(`workshops:${moved.id}`)?.row as { startsAt?: string } | undefined)?.startsAt?.slice(0, 10), { timeout: 30_000, interval: 1_000 }).toBe('2026-01-10');

    await participant.expectServerSawNothingWhileOffline();
    await participant.goOnline();
    const refusal = phone.getByRole('alert').filter({ hasText: 'Su opinión no fue aceptada.' });
    await refusal.waitFor({ timeout: 60_000 });
    expect(await refusal.textContent()).toContain('El taller ya cerró su registro: la ventana terminó el lunes 12 de enero de 2026');
    expect(await phone.getByText('Enviado al servidor.').count()).toBe(0);
    // The pull brought the new dates: the phone knows the window closed and offers no form.
    await phone.getByText(/^El taller cerró su registro el lunes 12 de enero de 2026/).waitFor({ timeout: 30_000 });
    expect(await phone.getByRole('link', { name: 'Dar mi opinión' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(phone, 'opinión rechazada', { mainOnly: true });
    // Más → Sincronización names it in Spanish and never reads «Al día» while it waits.
    await participant.goto('/mas/sincronizacion');
    await phone.getByText('Una opinión sobre el taller «Taller e2e que se adelanta»').waitFor({ timeout: 15_000 });
    await phone.getByText('Requiere atención', { exact: true }).first().waitFor();
    expect(await phone.getByText('Al día', { exact: true }).count()).toBe(0);

    // A workshop closed long before the visit offers no form at all.
    const closed = [...(await pullLatest(rig.server)).values()].find((c) => c.table === 'workshops' && (c.row as { title?: string })?.title === 'Taller e2e ya cerrado');
    await participant.goto(`/t/${(closed?.row as { code: string }).code}/opinion`);
    await phone.getByRole('heading', { level: 1, name: 'Taller e2e ya cerrado' }).waitFor({ timeout: 30_000 });
    await phone.getByText(/^El taller cerró su registro el/).waitFor();
    expect(await phone.getByRole('button', { name: 'Enviar mi opinión' }).count()).toBe(0);
  }, 180_000);
});
