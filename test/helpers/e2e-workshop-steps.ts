/** Steps of the Talleres e2e tests, as a facilitador acts (labels and roles). */
import type { Account } from './e2e-accounts';
import type { Phone } from './e2e-rig';

/** Talleres → Nuevo taller, as a facilitador types it; returns the workshop id and its public code. */
export async function createWorkshop(phone: Phone, facilitador: Account, title: string, day: string): Promise<{ id: string; code: string }> {
  const { page } = phone;
  await phone.goto('/talleres/nuevo');
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
  await page.getByLabel('Facilitadores').fill(facilitador.name);
  await page.getByRole('button', { name: 'Guardar taller' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 15_000 });
  const id = /\/talleres\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  const link = await page.getByRole('link', { name: /\/t\/[A-Z0-9]{6}$/ }).textContent();
  const code = /\/t\/([A-Z0-9]{6})$/.exec(link ?? '')?.[1];
  if (!id || !code) throw new Error(`sin id o código: ${page.url()} ${link}`);
  return { id, code };
}
