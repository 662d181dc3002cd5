/**
 * Talleres end to end (issue 6), acting as people do (labels and roles, not CSS classes):
 * a facilitador offline registers 30 participants — four of them twice — reloads offline, and a
 * participant in another browser opens the code link online once, goes offline, checks in and
 * sends feedback; both come online and the SERVER holds exactly 31 people and one feedback.
 * Also: consent unchecked cannot be saved, feedback for a closed workshop lands in «Requiere
 * atención» with its reason, the CSV parses back with every accent intact, and axe-core finds
 * no serious or critical violation on these screens.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { t } from '../../src/shared/i18n';
import type { Change, PullResponse, SessionResponse } from '../../src/shared/protocol';
import { describeE2E, launchBrowser, newPhoneContext, waitForServiceWorkerControl } from '../helpers/e2e-browser';
import { DIST_DIR, ROOT, startServer, type RunningServer } from '../helpers/e2e-server';

const FACILITADOR = { email: `facilitadora-${Date.now()}@tinkuy.test`, password: 'clave-facilitadora-e2e-2026', name: 'Rosa Huamán' };
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

function addFacilitador(server: RunningServer): void {
  execFileSync(process.execPath, [join(DIST_DIR, 'server', 'users.js'), 'add', FACILITADOR.email, '--name', FACILITADOR.name, '--role', 'facilitador', '--password', FACILITADOR.password], {
    cwd: ROOT, env: { ...process.env, TINKUY_DATA_DIR: server.dataDir, DATABASE_URL: '' }, stdio: 'pipe',
  });
}

async function logIn(page: Page): Promise<void> {
  await page.goto(new URL('/mas/cuenta', page.url()).href);
  await page.getByLabel(t('session.email')).fill(FACILITADOR.email);
  await page.getByLabel(t('session.password'), { exact: true }).fill(FACILITADOR.password);
  await page.getByRole('button', { name: t('session.submit') }).click();
  await page.getByText(t('session.signedInAs', { name: FACILITADOR.name })).waitFor({ timeout: 20_000 });
}

/** Talleres → Nuevo taller, as a facilitador types it; returns the workshop id and its public code. */
async function createWorkshop(page: Page, title: string, day: string): Promise<{ id: string; code: string }> {
  await page.goto(new URL('/talleres/nuevo', page.url()).href);
  await page.getByLabel('Título').fill(title);
  await page.getByLabel('Tema').fill('Gestión de eventos públicos culturales');
  const start = page.getByRole('group', { name: 'Inicio (hora de Lima)' });
  await start.getByLabel('Fecha').fill(day);
  await start.getByLabel('Hora').fill('08:00');
  const end = page.getByRole('group', { name: 'Término (hora de Lima)' });
  await end.getByLabel('Fecha').fill(day);
  await end.getByLabel('Hora').fill('23:00');
  await page.getByRole('radio', { name: 'Presencial' }).check();
  await page.getByLabel('Región').selectOption({ label: 'Ayacucho' });
  await page.getByLabel('Provincia').selectOption({ label: 'Huamanga' });
  await page.getByLabel('Local (dirección o nombre)').fill('Auditorio de la DDC Ayacucho');
  await page.getByLabel('Capacidad (personas)').fill('40');
  await page.getByLabel('Facilitadores').fill(FACILITADOR.name);
  await page.getByRole('button', { name: 'Guardar taller' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 15_000 });
  const id = /\/talleres\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  const link = await page.getByRole('link', { name: /\/t\/[A-Z0-9]{6}$/ }).textContent();
  const code = /\/t\/([A-Z0-9]{6})$/.exec(link ?? '')?.[1];
  if (!id || !code) throw new Error(`sin id o código: ${page.url()} ${link}`);
  return { id, code };
}

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

async function apiLogIn(server: RunningServer): Promise<SessionResponse> {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: FACILITADOR.email, password: FACILITADOR.password }) });
  if (!res.ok) throw new Error(`login: ${res.status}`);
  return (await res.json()) as SessionResponse;
}

/** Every change of a scope the SERVER serves to this caller (latest row per table and id). */
async function pullAll(server: RunningServer, scope: 'user' | 'catalogue', token?: string): Promise<Map<string, Change>> {
  const latest = new Map<string, Change>();
  let cursor = 0;
  for (;;) {
    const res = await fetch(`${server.url}/api/sync/pull?scope=${scope}&cursor=${cursor}&limit=500`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    const page = (await res.json()) as PullResponse;
    for (const change of page.changes) latest.set(`${change.table}:${change.id}`, change);
    if (!page.hasMore || page.cursor <= cursor) return latest;
    cursor = page.cursor;
  }
}

function liveRows(changes: Map<string, Change>, table: string, workshopId: string): Record<string, unknown>[] {
  return [...changes.values()].filter((c) => c.table === table && !c.deleted && (c.row as { workshopId?: string })?.workshopId === workshopId).map((c) => c.row as Record<string, unknown>);
}

async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${where}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
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

describeE2E('RED workshops: attendance offline, participants by code, nothing lost or counted twice', () => {
  let server: RunningServer;
  let browser: Browser;
  let facilitador: BrowserContext;
  let participant: BrowserContext;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    addFacilitador(server);
    facilitador = await newPhoneContext(browser, { acceptDownloads: true });
    participant = await newPhoneContext(browser);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('30 people registered offline (4 twice), a participant offline with code, both online: the server holds 31 people and one feedback', async () => {
    const page = await facilitador.newPage();
    await page.goto(server.url);
    await waitForServiceWorkerControl(page);
    await logIn(page);
    const open = await createWorkshop(page, 'Taller e2e: eventos públicos culturales', LIMA_TODAY);
    const closed = await createWorkshop(page, 'Taller e2e ya cerrado', '2026-01-10');
    await expect.poll(async () => {
      const catalogue = await pullAll(server, 'catalogue');
      return [open.id, closed.id].filter((id) => catalogue.get(`workshops:${id}`)).length;
    }, { timeout: 30_000, interval: 1_000 }).toBe(2);

    // The participant opens the code link once, online: the app and the workshop are cached.
    const phone = await participant.newPage();
    await phone.goto(`${server.url}/t/${open.code}`);
    await waitForServiceWorkerControl(phone);
    await phone.getByRole('heading', { level: 1, name: 'Taller e2e: eventos públicos culturales' }).waitFor({ timeout: 30_000 });

    await facilitador.setOffline(true);
    await page.goto(`${server.url}/talleres/${open.id}/asistencia`);
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
    await expectNoSeriousAxeViolations(page, 'asistencia');

    await participant.setOffline(true);
    await phone.getByRole('link', { name: 'Registrar mi asistencia' }).click();
    await phone.getByLabel('Nombre completo').fill('Teodoro Ñaupari Cárdenas');
    await phone.getByLabel('Tipo de entidad').selectOption({ label: 'Gobierno regional' });
    await phone.getByLabel('Nombre de la entidad').fill('Gobierno Regional de Junín');
    await phone.getByLabel('Región').selectOption({ label: 'Junín' });
    await phone.getByLabel(/da su consentimiento/).check();
    await expectNoSeriousAxeViolations(phone, 'registro del participante');
    await phone.getByRole('button', { name: 'Registrar mi asistencia' }).click();
    await phone.getByText(/Gracias, Teodoro Ñaupari Cárdenas/).waitFor();
    await phone.getByRole('link', { name: 'Dar mi opinión' }).first().click();
    await expectNoSeriousAxeViolations(phone, 'opinión');
    await sendFeedback(phone);
    await phone.reload();
    await phone.getByText(/ya envió su opinión/).waitFor({ timeout: 15_000 });

    await Promise.all([facilitador.setOffline(false), participant.setOffline(false)]);
    const session = await apiLogIn(server);
    await expect.poll(async () => {
      const changes = await pullAll(server, 'user', session.accessToken);
      return [liveRows(changes, 'attendance', open.id).length, liveRows(changes, 'feedback', open.id).length];
    }, { timeout: 60_000, interval: 2_000 }).toEqual([31, 1]);
    const changes = await pullAll(server, 'user', session.accessToken);
    const merged = liveRows(changes, 'attendance', open.id).filter((r) => (r['mergedIds'] as string[]).length > 0);
    expect(merged).toHaveLength(4);
    const [feedback] = liveRows(changes, 'feedback', open.id);
    expect(feedback?.['comment']).toBe('Muy útil: aprendí a calcular el aforo. ¡Gracias, señora Huamán!');
  }, 600_000);

  it('the CSV parses back with every accent intact; the summary reads at a glance and passes axe', async () => {
    const page = facilitador.pages()[0]!;
    await page.goto(`${server.url}/talleres/${(/\/talleres\/([0-9a-f-]{36})/.exec(page.url()) ?? [])[1]}/resumen`);
    await page.getByRole('heading', { level: 1, name: 'Resumen del taller' }).waitFor();
    await page.getByRole('heading', { name: /Asistentes: 3[01]/ }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar asistencia (CSV)' }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    // A person registered twice keeps the later spelling (fields merge by HLC, as on the server).
    for (const name of ['JOSÉ QUISPE HUAMANÍ 2', 'Ángela Quispe Huamaní 5', 'Ñusta Quispe Huamaní 6', 'Túpac Quispe Huamaní 9']) expect(text).toContain(`"${name}"`);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 31);
    expect(text.split('\r\n')[0]).toContain('"Nombre completo","Tipo de documento"');
    await expectNoSeriousAxeViolations(page, 'resumen');
    await page.goto(`${server.url}/talleres`);
    await page.getByRole('heading', { level: 1, name: 'Talleres' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'talleres');
  }, 120_000);

  it('feedback for a closed workshop lands in «Requiere atención» with the server\'s reason', async () => {
    const catalogue = await pullAll(server, 'catalogue');
    const closed = [...catalogue.values()].find((c) => c.table === 'workshops' && (c.row as { title?: string })?.title === 'Taller e2e ya cerrado');
    const code = (closed?.row as { code: string }).code;
    const phone = participant.pages()[0]!;
    await phone.goto(`${server.url}/t/${code}/opinion`);
    await phone.getByRole('heading', { level: 1, name: 'Taller e2e ya cerrado' }).waitFor({ timeout: 30_000 });
    await phone.getByText(/El plazo para registrarse y opinar en este taller terminó/).waitFor();
    await sendFeedback(phone);
    await phone.goto(`${server.url}/mas/sincronizacion`);
    await phone.getByText(/El taller ya cerró su registro/).first().waitFor({ timeout: 60_000 });
  }, 120_000);
});
