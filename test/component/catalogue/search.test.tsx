import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useDatabases, type Databases } from '../../../src/db/connection';
import { SEARCH_INDEX_KEY } from '../../../src/db/search-index-store';
import { resetLiveSignals } from '../../../src/state/live-signal';
import { resetSearch } from '../../../src/state/search-model';
import { CatalogueScreen } from '../../../src/ui/catalogue/catalogue-screen';
import { ReaderScreen } from '../../../src/ui/catalogue/reader-screen';
import { createDevice } from '../../unit/sync/device-fixture';
import { makeEntry, readRealCatalogue, RoutedApp, seedCatalogue } from './catalogue-fixture';

let dbs: Databases;
beforeEach(async () => {
  dbs = createDevice();
  useDatabases(dbs);
  resetLiveSignals();
  resetSearch();
  await seedCatalogue(dbs, readRealCatalogue().entries);
});
afterEach(() => useDatabases(undefined));

function openCatalogue(path = '/catalogo') {
  return render(<RoutedApp path={path} routes={{ '/catalogo': CatalogueScreen, '/catalogo/:id': ReaderScreen }} />);
}

/** Types into the search box as a person would: focus (loads the engine), then the words. */
async function typeSearch(words: string): Promise<void> {
  const box = await screen.findByRole('searchbox', { name: 'Buscar en el catálogo' });
  fireEvent.focus(box);
  fireEvent.input(box, { target: { value: words } });
}

async function resultTitles(): Promise<string[]> {
  const list = document.getElementById('catalogue-search-results')!;
  return within(list)
    .queryAllByRole('link')
    .map((a) => a.querySelector('.entry-card__title')?.textContent ?? '');
}

describe('searching the catalogue offline', () => {
  it('"musica" finds the entries about «música», and a live region says how many', async () => {
    openCatalogue();
    await typeSearch('musica');
    const count = await screen.findByText(/resultados para «musica»/);
    expect(count.getAttribute('role')).toBe('status');
    const titles = await resultTitles();
    expect(titles[0]).toMatch(/[Mm]úsica/);
    // Each result says its kind in words and shows a snippet with the matched word marked.
    const first = within(document.getElementById('catalogue-search-results')!).getAllByRole('link')[0]!;
    expect(first.querySelector('.kind-tag')?.textContent).toMatch(/Guía|Herramienta|Recomendación|Buena práctica/);
    expect(first.querySelector('mark')?.textContent?.toLowerCase()).toMatch(/^m[uú]sica/);
  });

  it('says when there are more than 20 results and shows them with «Ver más»', async () => {
    openCatalogue();
    await typeSearch('aforo');
    const count = await screen.findByText(/^Se muestran 20 de \d+ resultados para «aforo»$/);
    const total = Number(/de (\d+) resultados/.exec(count.textContent ?? '')![1]);
    expect(total).toBeGreaterThan(20);
    expect(await resultTitles()).toHaveLength(20);
    fireEvent.click(screen.getByRole('button', { name: `Ver más (${Math.min(20, total - 20)})` }));
    await waitFor(async () => expect(await resultTitles()).toHaveLength(Math.min(40, total)));
    if (total <= 40) {
      expect(screen.getByRole('status').textContent).toBe(`${total} resultados para «aforo»`);
      expect(screen.queryByRole('button', { name: /^Ver más/ })).toBeNull();
    }
  });

  it('a prefix finds words as they are typed: "permi" finds the entries on permisos', async () => {
    openCatalogue();
    await typeSearch('permi');
    await screen.findByText(/resultados? para «permi»/);
    // «Permisos» is in a summary and in the bodies, not in a title: the snippets show it.
    expect(await resultTitles()).toContain('Cronograma inverso de trámites y tareas');
    const snippets = within(document.getElementById('catalogue-search-results')!).getAllByRole('link').map((a) => a.querySelector('mark')?.textContent?.toLowerCase() ?? '');
    expect(snippets.some((word) => word.startsWith('permi'))).toBe(true);
  });

  it('one typo is forgiven: "autorisación" finds the municipal authorisation entry', async () => {
    openCatalogue();
    await typeSearch('autorisación');
    await screen.findByText(/resultados? para «autorisación»/);
    expect(await resultTitles()).toContain(readRealCatalogue().entries.find((e) => e.id === 'autorizacion-municipal-espectaculos')!.title);
  });

  it('stop words alone find nothing and say so in Spanish', async () => {
    openCatalogue();
    await typeSearch('de la');
    await screen.findByText('Sin resultados para «de la». Intente con otra palabra.');
    expect(await resultTitles()).toEqual([]);
  });

  it('ranks an entry with the word in its title above one that has it only in the body', async () => {
    await dbs.catalogue.entries.clear();
    await seedCatalogue(dbs, [
      makeEntry({ id: 'cuerpo', title: 'Limpieza del lugar', searchText: 'Limpieza del lugar\nResumen.\nDespués del pasacalle recoja todo.' }),
      makeEntry({ id: 'titulo', title: 'Pasacalle seguro', searchText: 'Pasacalle seguro\nResumen.\nRecorrido y cierre de calles.' }),
    ]);
    openCatalogue();
    await typeSearch('pasacalle');
    await screen.findByText(/2 resultados/);
    expect(await resultTitles()).toEqual(['Pasacalle seguro', 'Limpieza del lugar']);
  });

  it('keeps the index in the catalogue database and rebuilds it when entries change after a pull', async () => {
    openCatalogue();
    await typeSearch('aforo');
    await screen.findByText(/resultados? para «aforo»/);
    const first = (await dbs.catalogue.meta.get(SEARCH_INDEX_KEY))?.value as { entriesKey: string; json: string };
    expect(first.json.length).toBeGreaterThan(1000);
    // A pull brings a new entry and moves the cursor.
    await dbs.catalogue.entries.put({ ...makeEntry({ id: 'nueva', title: 'Quenas y zampoñas', searchText: 'Quenas y zampoñas', version: 'hash-nueva' }), syncVersion: 999 });
    await dbs.catalogue.meta.put({ key: 'cursor:catalogue', value: 999 });
    const box = screen.getByRole('searchbox', { name: 'Buscar en el catálogo' });
    fireEvent.input(box, { target: { value: 'zampona' } });
    await screen.findByText('1 resultado para «zampona»');
    const second = (await dbs.catalogue.meta.get(SEARCH_INDEX_KEY))?.value as { entriesKey: string; cursor: number };
    expect(second.entriesKey).not.toBe(first.entriesKey);
    expect(second.cursor).toBe(999);
  });

  it('a result opens the entry in the reader', async () => {
    openCatalogue();
    await typeSearch('musica');
    await screen.findByText(/resultados para «musica»/);
    const link = within(document.getElementById('catalogue-search-results')!).getAllByRole('link')[0]!;
    const title = link.querySelector('.entry-card__title')!.textContent!;
    fireEvent.click(link);
    await screen.findByRole('heading', { level: 1, name: title });
    await screen.findByRole('heading', { level: 2, name: 'Fuentes' });
  });

  it('the words typed stay in the address, so a reload searches them again', async () => {
    openCatalogue('/catalogo?q=musica');
    await screen.findByText(/resultados para «musica»/);
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('musica');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'aforo' } });
    await waitFor(() => expect(location.search).toBe('?q=aforo'));
  });
});
