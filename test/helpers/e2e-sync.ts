/**
 * What the sync end-to-end tests share: a person's steps in the app (log in, write an event,
 * open Sincronización) and what the SERVER holds, read through its API and its SQLite file.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import type { EventRow } from '../../src/shared/schemas/event';
import type { PullResponse, SessionResponse } from '../../src/shared/protocol';
import { E2E_ADMIN, type RunningServer } from './e2e-server';

/** What a person types into «Nuevo evento». */
export interface EventInput {
  title: string;
  venue?: string;
}

/** Opens a section from the bottom nav, as a thumb would. */
export async function openSection(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name: label, exact: true }).click();
}

/** Más → `entry` (Cuenta, Sincronización…), waiting for its heading. */
export async function openMore(page: Page, entry: string): Promise<void> {
  await openSection(page, t('nav.more'));
  await page.getByRole('main').getByRole('link', { name: new RegExp(`^${entry}`) }).first().click();
  await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible' });
}

/** Más → Cuenta: types the email and password and waits for «Sesión iniciada». */
export async function logIn(page: Page, account: { email: string; password: string } = E2E_ADMIN): Promise<void> {
  await openMore(page, t('more.account'));
  await page.getByLabel(t('session.email')).fill(account.email);
  await page.getByLabel(t('session.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: t('session.submit') }).click();
  await page.getByText(t('session.signedInAs', { name: '' }).trim()).first().waitFor({ timeout: 15_000 });
}

/** Eventos → Nuevo evento: fills every required field and saves; returns the new event's id. */
export async function createEvent(page: Page, input: EventInput): Promise<string> {
  await openSection(page, t('nav.events'));
  await page.getByRole('link', { name: t('events.new') }).click();
  await page.getByLabel(t('events.field.title')).fill(input.title);
  await page.getByLabel(t('events.field.type')).selectOption({ label: t('events.type.festival') });
  const start = page.getByRole('group', { name: t('events.field.start') });
  await start.getByLabel(t('forms.date')).fill('2027-03-14');
  await start.getByLabel(t('forms.time')).fill('16:00');
  const end = page.getByRole('group', { name: t('events.field.end') });
  await end.getByLabel(t('forms.date')).fill('2027-03-14');
  await end.getByLabel(t('forms.time')).fill('22:00');
  await page.getByLabel(t('events.field.venue')).fill(input.venue ?? 'Plaza de Armas');
  await page.getByLabel(t('forms.region')).selectOption({ label: 'Ayacucho' });
  await page.getByLabel(t('forms.province')).selectOption({ label: 'Huamanga' });
  await page.getByLabel(t('events.field.audience')).fill('400');
  await page.getByRole('radio', { name: t('events.outdoors.yes') }).check();
  await page.getByRole('radio', { name: t('events.music.live') }).check();
  await page.getByRole('button', { name: t('events.form.save') }).click();
  await page.getByText(t('events.saved')).waitFor({ timeout: 15_000 });
  const id = /\/eventos\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!id) throw new Error(`Tras guardar, la dirección no lleva el id del evento: ${page.url()}`);
  return id;
}

/** The words Sincronización shows for `count` unsent changes. */
export function pendingWords(count: number): string {
  if (count === 0) return t('sync.pending.none');
  return count === 1 ? t('sync.pending.one') : t('sync.pending.many', { count });
}

/** Waits until Sincronización (already open) says `count` changes wait. */
export async function waitForPending(page: Page, count: number, timeout = 30_000): Promise<void> {
  await page.getByText(pendingWords(count), { exact: true }).waitFor({ state: 'visible', timeout });
}

/** Presses «Sincronizar ahora» once it can be pressed. */
export async function pressSyncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: t('sync.now'), exact: true }).click({ timeout: 30_000 });
}

/** What the server holds, read the way a coordinador's device would and from its database. */
export interface ServerView {
  /** Every event row the coordinador can pull, by id. */
  events: Map<string, EventRow>;
  /** The global version counter: it moves once per applied change, so a second effect shows. */
  version: number;
  /** Every device's last handled seq. */
  lastSeqs: number[];
  /** How many event rows the server table has (each id at most once: the primary key). */
  eventRows: number;
}

async function logInByApi(server: RunningServer): Promise<SessionResponse> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...E2E_ADMIN, deviceName: 'Prueba e2e' }),
  });
  if (!res.ok) throw new Error(`login de la prueba: ${res.status} ${await res.text()}`);
  return (await res.json()) as SessionResponse;
}

/** Pulls every user-scope page as the coordinador (sees everything). */
async function pullEvents(server: RunningServer, session: SessionResponse): Promise<Map<string, EventRow>> {
  const events = new Map<string, EventRow>();
  let cursor = 0;
  for (;;) {
    const res = await fetch(`${server.url}/api/sync/pull?scope=user&cursor=${cursor}&limit=500`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    if (!res.ok) throw new Error(`pull de la prueba: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as PullResponse;
    for (const change of page.changes) if (change.table === 'events' && change.row) events.set(change.id, change.row as EventRow);
    cursor = page.cursor;
    if (!page.hasMore) return events;
  }
}

/** Reads what the server holds now (API pull + its SQLite file, read-only). */
export async function readServer(server: RunningServer): Promise<ServerView> {
  const events = await pullEvents(server, await logInByApi(server));
  const db = new Database(join(server.dataDir, 'tinkuy.db'), { readonly: true, fileMustExist: true });
  try {
    const version = Number((db.prepare('select value from sync_version where id = 1').get() as { value: number }).value);
    const lastSeqs = (db.prepare('select last_seq from sync_clients').all() as { last_seq: number }[]).map((r) => Number(r.last_seq));
    const eventRows = Number((db.prepare('select count(*) as n from events').get() as { n: number }).n);
    return { events, version, lastSeqs, eventRows };
  } finally {
    db.close();
  }
}

/**
 * Moves every device session of the server past its end (access and refresh tokens), as if the
 * phone had stayed offline for more than 90 days: written straight into the server's SQLite file
 * because no clock of the running server can be moved from outside.
 */
export function expireAllSessions(server: RunningServer): number {
  const db = new Database(join(server.dataDir, 'tinkuy.db'), { fileMustExist: true, timeout: 5_000 });
  try {
    const past = new Date(Date.now() - 60_000).toISOString();
    return db.prepare('update device_sessions set access_expires_at = ?, refresh_expires_at = ?').run(past, past).changes;
  } finally {
    db.close();
  }
}

/** The events with these titles on the server: each title must be there exactly once. */
export function countByTitle(view: ServerView, titles: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(titles.map((title) => [title, 0]));
  for (const row of view.events.values()) if (row.title in counts) counts[row.title]! += 1;
  return counts;
}

/** Counts push requests in the context, telling the page's from the service worker's. */
export function countPushes(context: BrowserContext): { page: number; worker: number } {
  const counts = { page: 0, worker: 0 };
  context.on('request', (request) => {
    if (!request.url().endsWith('/api/sync/push')) return;
    if (request.serviceWorker()) counts.worker += 1;
    else counts.page += 1;
  });
  return counts;
}

/**
 * Finds the origin's service worker registration through CDP once; the function it returns fires
 * the worker's Background Sync `sync` event (as Chromium does when the connection comes back).
 */
export async function prepareWorkerSync(cdp: CDPSession, origin: string, tag: string): Promise<() => Promise<void>> {
  const registrationId = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('No se vio ningún service worker registrado (CDP).')), 10_000);
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const found = registrations.find((r) => r.scopeURL.startsWith(origin) && !r.isDeleted);
      if (found) {
        clearTimeout(timer);
        resolve(found.registrationId);
      }
    });
    cdp.send('ServiceWorker.enable').catch(reject);
  });
  return async () => {
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin, registrationId, tag, lastChance: false });
  };
}
