import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { useDatabases, type Databases } from '../../../src/db/connection';
import { resetLiveSignals } from '../../../src/state/live-signal';
import { resetSearch } from '../../../src/state/search-model';
import { CatalogueScreen } from '../../../src/ui/catalogue/catalogue-screen';
import { ReaderScreen } from '../../../src/ui/catalogue/reader-screen';
import { TemplateScreen } from '../../../src/ui/catalogue/template-screen';
import { createDevice } from '../../unit/sync/device-fixture';
import { readRealCatalogue, RoutedApp, seedCatalogue } from './catalogue-fixture';

let dbs: Databases;
beforeEach(() => {
  dbs = createDevice();
  useDatabases(dbs);
  resetLiveSignals();
  resetSearch();
});
afterEach(() => useDatabases(undefined));

const ROUTES = { '/catalogo': CatalogueScreen, '/catalogo/plantillas/:id': TemplateScreen, '/catalogo/:id': ReaderScreen };
const open = (path: string) => render(<RoutedApp path={path} routes={ROUTES} />);

describe('the catalogue home', () => {
  it('before the first pull, says the catalogue has not arrived yet (and how it will)', async () => {
    open('/catalogo');
    await screen.findByRole('heading', { name: 'El catálogo aún no está en este teléfono' });
  });

  it('lists the 11 topics with their Spanish names and how many entries each has', async () => {
    const { entries, templates } = readRealCatalogue();
    await seedCatalogue(dbs, entries, templates);
    open('/catalogo');
    const topics = (await screen.findByRole('heading', { level: 2, name: 'Temas' })).closest('section')!;
    const rows = within(topics).getAllByRole('link');
    expect(rows).toHaveLength(11);
    const permits = entries.filter((e) => e.topic === 'permisos').length;
    expect(within(topics).getByRole('link', { name: new RegExp(`^Permisos y autorizaciones, ${permits} entradas$`) }).getAttribute('href')).toBe('/catalogo?tema=permisos');
    const total = rows.reduce((sum, row) => sum + Number(/(\d+) entradas?/.exec(row.textContent ?? '')?.[1] ?? 0), 0);
    expect(total).toBe(entries.length);
  });

  it('filters by kind, government level and tag, and keeps the filters in the address', async () => {
    const { entries } = readRealCatalogue();
    await seedCatalogue(dbs, entries);
    open('/catalogo');
    fireEvent.change(await screen.findByLabelText('Tipo'), { target: { value: 'herramienta' } });
    const tools = entries.filter((e) => e.kind === 'herramienta');
    await screen.findByText(`Entradas que coinciden: ${tools.length}`);
    expect(location.search).toBe('?tipo=herramienta');
    fireEvent.change(screen.getByLabelText('Etiqueta'), { target: { value: 'musica' } });
    const both = tools.filter((e) => e.tags.includes('musica'));
    await screen.findByText(both.length ? `Entradas que coinciden: ${both.length}` : 'Ninguna entrada coincide con estos filtros.');
    fireEvent.change(screen.getByLabelText('Nivel de gobierno'), { target: { value: 'regional' } });
    const all3 = both.filter((e) => e.levels.includes('regional'));
    await screen.findByText(all3.length ? `Entradas que coinciden: ${all3.length}` : 'Ninguna entrada coincide con estos filtros.');
    fireEvent.click(screen.getByRole('button', { name: 'Quitar filtros' }));
    await screen.findByRole('heading', { level: 2, name: 'Temas' });
  });

  it('shows favourites and recent readings from this device', async () => {
    const { entries } = readRealCatalogue();
    await seedCatalogue(dbs, entries);
    await dbs.user.favourites.put({ entryId: entries[3]!.id, savedAt: '2026-11-29T10:00:00.000Z' });
    await dbs.user.recents.put({ entryId: entries[7]!.id, openedAt: '2026-11-29T11:00:00.000Z' });
    open('/catalogo');
    const favourites = (await screen.findByRole('heading', { level: 2, name: 'Favoritos' })).closest('section')!;
    await within(favourites).findByText(entries[3]!.title);
    const recents = (await screen.findByRole('heading', { level: 2, name: 'Recientes' })).closest('section')!;
    await within(recents).findByText(entries[7]!.title);
  });
});

describe('the checklist template preview', () => {
  it('is listed on the home and shows sections, items with due offsets, when they apply, and «Usar en un evento»', async () => {
    const { entries, templates } = readRealCatalogue();
    await seedCatalogue(dbs, entries, templates);
    const concert = templates.find((tpl) => tpl.id === 'concierto-o-musica-en-vivo')!;
    open('/catalogo');
    const list = (await screen.findByRole('heading', { level: 2, name: 'Listas de verificación' })).closest('section')!;
    fireEvent.click(within(list).getByRole('link', { name: new RegExp(concert.title) }));
    await screen.findByRole('heading', { level: 1, name: concert.title });
    for (const section of concert.sections) expect(screen.getByRole('heading', { level: 2, name: section.title })).toBeTruthy();
    const item = concert.sections.flatMap((s) => s.items).find((i) => i.dueDays > 1)!;
    const row = screen.getByText(item.text).closest('li')!;
    expect(row.textContent).toContain(`${item.dueDays} días hábiles antes`);
    const use = screen.getAllByRole('link', { name: 'Usar en un evento' })[0]!;
    expect(use.getAttribute('href')).toBe(`/eventos/nuevo?plantilla=${concert.id}`);
  });

  it('says in words when an item applies', async () => {
    await seedCatalogue(dbs, [], [
      {
        id: 'demo',
        version: 1,
        title: 'Demo',
        summary: 'Plantilla de prueba.',
        proposeWhen: { outdoors: true },
        sections: [{ id: 's', title: 'Sección', items: [{ id: 'demo-1', text: 'Pida garantías', dueDays: 20, appliesWhen: { minAudience: 500, music: ['live'] } }, { id: 'demo-2', text: 'Limpie', dueDays: -1 }] }],
      },
    ]);
    open('/catalogo/plantillas/demo');
    await screen.findByRole('heading', { level: 1, name: 'Demo' });
    expect(screen.getByText('Se propone cuando: al aire libre.')).toBeTruthy();
    const first = screen.getByText('Pida garantías').closest('li')!;
    expect(first.textContent).toContain('20 días hábiles antes');
    expect(first.textContent).toContain('Solo si: música en vivo; desde 500 personas');
    expect(screen.getByText('Limpie').closest('li')!.textContent).toContain('1 día hábil después');
  });
});

describe('a checklist item that cites a yearly value', () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    ['2025-08-01T15:00:00Z', 'S/\u00a042\u00a0800 (8 UIT de 2025, DS 260-2024-EF)'],
    ['2026-08-03T15:00:00Z', 'S/\u00a044\u00a0000 (8 UIT de 2026, DS 301-2025-EF)'],
  ])('on %s shows «%s» in the template preview', async (now, amount) => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(now) });
    const { templates } = readRealCatalogue();
    const planning = templates.find((tpl) => tpl.id === 'planificacion-y-presupuesto')!;
    await seedCatalogue(dbs, [], [planning]);
    open('/catalogo/plantillas/planificacion-y-presupuesto');
    await screen.findByRole('heading', { level: 1, name: planning.title });
    const item = [...document.querySelectorAll('.template-item__text')].find((p) => p.textContent?.startsWith('Si algún servicio supera'));
    expect(item?.textContent).toBe(`Si algún servicio supera ${amount}, empiece con logística el procedimiento de selección: toma bastante más que un contrato menor.`);
    expect(document.body.textContent).not.toContain('{{valor');
  });
});
