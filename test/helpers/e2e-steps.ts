/**
 * What a person does in the app, step by step, for the end-to-end tests and benches: open a
 * section from the bottom nav, log in through Más → Cuenta, fill «Nuevo evento», look at
 * Sincronización. Everything goes through labels and roles, as a person (or a screen reader) finds it.
 */
import type { Page } from 'playwright-core';
import { ERROR_MESSAGES } from '../../src/shared/errors';
import { t } from '../../src/shared/i18n';
import type { Account } from './e2e-accounts';

/**
 * Opens a section by its link in the bottom nav, as a thumb would, and checks it arrived: the
 * address, the link marked as current, the screen's title, no «could not load» screen. Usable in
 * hooks too (a phone logs in from `beforeAll`), so it waits with Playwright, not `expect.poll`.
 */
export async function openSection(page: Page, label: string): Promise<void> {
  const link = page.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name: label, exact: true });
  await link.click();
  const href = await link.getAttribute('href');
  const arrived = async (what: string, wait: Promise<unknown>) => {
    await wait.catch(() => {
      throw new Error(`Tras tocar «${label}»: ${what} (dirección ${page.url()})`);
    });
  };
  await arrived(`la dirección no pasó a ${href}`, page.waitForFunction((path) => location.pathname === path, href, { timeout: 10_000 }));
  await arrived('el enlace no quedó marcado como actual', link.and(page.locator('[aria-current="page"]')).waitFor({ timeout: 10_000 }));
  // Each screen's <h1> names it (Inicio greets instead); waiting for it means the lazy chunk ran.
  const title = label === t('nav.home') ? t('home.title') : label;
  const heading = page.getByRole('main').getByRole('heading', { level: 1, name: title });
  await heading.waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
    const shown = await page.getByRole('main').getByRole('heading', { level: 1 }).allInnerTexts();
    throw new Error(`«${label}» no mostró el título «${title}» (se ve: ${JSON.stringify(shown)})`);
  });
  if (await page.getByRole('heading', { name: t('shell.loadError.title') }).count()) throw new Error(`«${label}» mostró «${t('shell.loadError.title')}»`);
}

/** Más → `entry` (Cuenta, Sincronización…), waiting for its heading. */
export async function openMore(page: Page, entry: string): Promise<void> {
  await openSection(page, t('nav.more'));
  await page.getByRole('main').getByRole('link', { name: new RegExp(`^${entry}`) }).first().click();
  await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible' });
}

/** Types the email and password on the login form already on screen and waits for «Sesión iniciada: name». */
export async function submitLogin(page: Page, account: Account): Promise<void> {
  await page.getByLabel(t('session.email'), { exact: true }).fill(account.email);
  await page.getByLabel(t('session.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: t('session.submit') }).click();
  await page.getByText(t('session.signedInAs', { name: account.name })).first().waitFor({ timeout: 20_000 });
}

/**
 * Más → Cuenta with a one-time password: the app asks for a password of one's own, gets `own`
 * and says «Sesión iniciada: name». `beforeOwnSubmit` runs with the question on screen.
 */
export async function logInChoosingOwnPassword(
  page: Page,
  login: { email: string; oneTime: string; own: string; name: string },
  beforeOwnSubmit?: () => Promise<unknown>,
): Promise<void> {
  await openMore(page, t('more.account'));
  await page.getByLabel(t('session.email'), { exact: true }).fill(login.email);
  await page.getByLabel(t('session.password'), { exact: true }).fill(login.oneTime);
  await page.getByRole('button', { name: t('session.submit') }).click();
  await page.getByText(ERROR_MESSAGES.password_change_required).waitFor({ timeout: 20_000 });
  await page.getByLabel(t('session.newPassword'), { exact: true }).fill(login.own);
  await beforeOwnSubmit?.();
  await page.getByRole('button', { name: t('session.submit') }).click();
  await page.getByText(t('session.signedInAs', { name: login.name })).first().waitFor({ timeout: 20_000 });
}

/** Más → Cuenta, then the login form, as a person does it. */
export async function logIn(page: Page, account: Account): Promise<void> {
  await openMore(page, t('more.account'));
  await submitLogin(page, account);
}

/** What a person types into «Nuevo evento»; every field has a default (a festival in Huamanga). */
export interface EventForm {
  title: string;
  /** The type's label. */
  type?: string;
  date?: string;
  starts?: string;
  ends?: string;
  venue?: string;
  region?: string;
  province?: string;
  audience?: number;
  outdoors?: boolean;
  /** The music radio's label; null leaves it unanswered. */
  music?: string | null;
  heritage?: boolean;
}

/** Fills the event form (already open) by its labels. */
export async function fillEventForm(page: Page, form: EventForm): Promise<void> {
  const date = form.date ?? '2027-03-14';
  await page.getByLabel(t('events.field.title')).fill(form.title);
  await page.getByLabel(t('events.field.type')).selectOption({ label: form.type ?? t('events.type.festival') });
  const start = page.getByRole('group', { name: t('events.field.start') });
  await start.getByLabel(t('forms.date')).fill(date);
  await start.getByLabel(t('forms.time')).fill(form.starts ?? '16:00');
  const end = page.getByRole('group', { name: t('events.field.end') });
  await end.getByLabel(t('forms.date')).fill(date);
  await end.getByLabel(t('forms.time')).fill(form.ends ?? '22:00');
  await page.getByLabel(t('events.field.venue')).fill(form.venue ?? 'Plaza de Armas');
  await page.getByLabel(t('forms.region')).selectOption({ label: form.region ?? 'Ayacucho' });
  await page.getByLabel(t('forms.province')).selectOption({ label: form.province ?? 'Huamanga' });
  await page.getByLabel(t('events.field.audience')).fill(String(form.audience ?? 400));
  await page.getByRole('radio', { name: form.outdoors === false ? t('events.outdoors.no') : t('events.outdoors.yes') }).check();
  const music = form.music === undefined ? t('events.music.live') : form.music;
  if (music) await page.getByRole('radio', { name: music }).check();
  if (form.heritage) await page.getByLabel(t('events.field.heritage')).check();
}

/** Eventos → Nuevo evento: fills the form and saves; returns the new event's id. */
export async function createEvent(page: Page, form: EventForm): Promise<string> {
  await openSection(page, t('nav.events'));
  await page.getByRole('link', { name: t('events.new') }).click();
  await fillEventForm(page, form);
  await page.getByRole('button', { name: t('events.form.save') }).click();
  await page.getByText(t('events.saved')).waitFor({ timeout: 15_000 });
  const id = /\/eventos\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!id) throw new Error(`Tras guardar, la dirección no lleva el id del evento: ${page.url()}`);
  return id;
}

/**
 * Creates an event and adds the checklist `template` from the event screen; resolves with the
 * checklist's path (/eventos/<event>/lista/<run>) once it is open.
 */
export async function planEvent(page: Page, form: EventForm, template: string): Promise<string> {
  await createEvent(page, form);
  const offer = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: template }) });
  await offer.getByRole('button', { name: new RegExp(`^${t('checklists.add')}`) }).click();
  await page.getByRole('link', { name: template }).click();
  await page.getByRole('heading', { level: 1, name: template }).waitFor();
  return new URL(page.url()).pathname;
}

/** The words Sincronización shows for `count` unsent changes. */
export function pendingWords(count: number): string {
  if (count === 0) return t('sync.pending.none');
  return count === 1 ? t('sync.pending.one') : t('sync.pending.many', { count });
}

/**
 * Waits until Sincronización (already open) says `count` changes wait. Zero reads «Todo lo
 * guardado ya se envió.», or «Nada por enviar, pero…» while a refused change waits.
 */
export async function waitForPending(page: Page, count: number, timeout = 30_000): Promise<void> {
  const words = count === 0 ? new RegExp(`^(${escape(t('sync.pending.none'))}|Nada por enviar, pero )`) : pendingWords(count);
  await page.getByText(words, { exact: true }).first().waitFor({ state: 'visible', timeout });
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Presses «Sincronizar ahora» once it can be pressed. */
export async function pressSyncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: t('sync.now'), exact: true }).click({ timeout: 30_000 });
}

/** Waits until Sincronización (already open) says the last round ended and nothing is running. */
export async function waitForSyncIdle(page: Page): Promise<void> {
  await page.getByText(t('sync.phase.idle'), { exact: true }).first().waitFor({ timeout: 30_000 });
}
