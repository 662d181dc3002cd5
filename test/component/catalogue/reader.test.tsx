import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useDatabases, type Databases } from '../../../src/db/connection';
import { resetLiveSignals } from '../../../src/state/live-signal';
import { ReaderScreen } from '../../../src/ui/catalogue/reader-screen';
import { createDevice } from '../../unit/sync/device-fixture';
import { makeEntry, readRealCatalogue, RoutedApp, seedCatalogue } from './catalogue-fixture';

const INJECTION = '<img src=x onerror="window.__pwned=1">';

const EVERY_BLOCK = makeEntry({
  id: 'todos-los-bloques',
  title: 'Todos los bloques',
  summary: 'Una entrada que usa cada tipo de bloque.',
  levels: ['regional', 'distrital'],
  related: ['otra-entrada'],
  sources: [
    { norm: 'Ley 29168', title: 'Ley de espectáculos públicos no deportivos', detail: 'art. 3', url: 'https://www.gob.pe/ley-29168' },
    { norm: 'DS 002-2018-PCM', title: 'Reglamento de ITSE' },
  ],
  toc: [
    { id: 'primeros-pasos', text: 'Primeros pasos', level: 2 },
    { id: 'detalle', text: 'Detalle', level: 3 },
  ],
  body: [
    { type: 'heading', level: 2, id: 'primeros-pasos', text: [{ type: 'text', value: 'Primeros pasos' }] },
    {
      type: 'paragraph',
      inlines: [
        { type: 'text', value: 'Texto ' },
        { type: 'text', value: 'fuerte', strong: true },
        { type: 'text', value: ' y ' },
        { type: 'text', value: 'énfasis', em: true },
        { type: 'text', value: ' con ' },
        { type: 'code', value: 'código' },
        { type: 'text', value: '. Lea ' },
        { type: 'link', href: 'entrada:otra-entrada', internal: 'otra-entrada', children: [{ type: 'text', value: 'la otra entrada' }] },
        { type: 'text', value: ' o ' },
        { type: 'link', href: 'https://www.cultura.gob.pe', children: [{ type: 'text', value: 'el portal' }] },
        { type: 'text', value: ' y ' },
        { type: 'link', href: 'https://www.gob.pe@evil.example/', children: [{ type: 'text', value: 'un portal falso' }] },
        { type: 'text', value: '.' },
      ],
    },
    { type: 'heading', level: 3, id: 'detalle', text: [{ type: 'text', value: 'Detalle' }] },
    { type: 'list', ordered: true, items: [[{ type: 'paragraph', inlines: [{ type: 'text', value: 'Paso uno' }] }], [{ type: 'paragraph', inlines: [{ type: 'text', value: 'Paso dos' }] }]] },
    { type: 'list', ordered: false, items: [[{ type: 'paragraph', inlines: [{ type: 'text', value: 'Viñeta' }] }]] },
    {
      type: 'table',
      header: [[{ type: 'text', value: 'Aforo' }], [{ type: 'text', value: 'Trámite' }]],
      rows: [[[{ type: 'text', value: 'Hasta 3 000' }], [{ type: 'text', value: 'Municipalidad' }]]],
    },
    { type: 'callout', kind: 'IMPORTANTE', blocks: [{ type: 'paragraph', inlines: [{ type: 'text', value: 'Aviso importante.' }] }] },
    { type: 'callout', kind: 'CONSEJO', blocks: [{ type: 'paragraph', inlines: [{ type: 'text', value: 'Un consejo.' }] }] },
    { type: 'callout', kind: 'ATENCION', blocks: [{ type: 'paragraph', inlines: [{ type: 'text', value: 'Cuidado.' }] }] },
    { type: 'callout', kind: 'NORMA', blocks: [{ type: 'paragraph', inlines: [{ type: 'text', value: INJECTION }] }] },
  ],
});
const OTHER = makeEntry({ id: 'otra-entrada', title: 'La otra entrada', summary: 'Segunda entrada.' });

let dbs: Databases;
beforeEach(async () => {
  dbs = createDevice(() => Date.parse('2026-11-29T17:30:00Z'));
  useDatabases(dbs);
  resetLiveSignals();
  await seedCatalogue(dbs, [EVERY_BLOCK, OTHER]);
});
afterEach(() => useDatabases(undefined));

function openReader(id: string) {
  return render(<RoutedApp path={`/catalogo/${id}`} routes={{ '/catalogo/:id': ReaderScreen }} />);
}

describe('the reader renders the compiled entry with Preact, offline from the device', () => {
  it('renders every block kind: headings, paragraphs with marks, lists, a scrollable table and four callouts with a word each', async () => {
    const { container } = openReader('todos-los-bloques');
    await screen.findByRole('heading', { level: 1, name: 'Todos los bloques' });
    expect(screen.getByRole('heading', { level: 2, name: 'Primeros pasos' }).id).toBe('primeros-pasos');
    expect(screen.getByRole('heading', { level: 3, name: 'Detalle' })).toBeTruthy();
    expect(screen.getByText('fuerte').tagName).toBe('STRONG');
    expect(screen.getByText('énfasis').tagName).toBe('EM');
    expect(screen.getByText('código').tagName).toBe('CODE');
    const ordered = container.querySelector('.entry-body ol')!;
    expect(within(ordered as HTMLElement).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Paso uno', 'Paso dos']);
    expect(container.querySelector('.entry-body ul li')?.textContent).toBe('Viñeta');
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Aforo' })).toBeTruthy();
    expect(within(table).getByRole('cell', { name: 'Municipalidad' })).toBeTruthy();
    // The table sits in a focusable region that scrolls sideways on a phone.
    expect(table.closest('[role="region"]')?.getAttribute('tabindex')).toBe('0');
    for (const word of ['Importante', 'Consejo', 'Atención', 'Norma']) {
      const label = screen.getByText(word, { selector: '.callout__label span' });
      expect(label.closest('aside')?.querySelector('svg'), `${word} tiene icono`).toBeTruthy();
    }
    expect(screen.getByText('Aviso importante.').closest('aside')?.className).toContain('callout--importante');
  });

  it('a text value holding HTML renders as text: no element, no handler, nothing runs', async () => {
    const { container } = openReader('todos-los-bloques');
    await screen.findByText(INJECTION);
    expect(container.querySelector('img')).toBeNull();
    expect(container.innerHTML).toContain('&lt;img');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows the table of contents as links to the headings', async () => {
    openReader('todos-los-bloques');
    const toc = await screen.findByRole('navigation', { name: 'En esta página' });
    const links = within(toc).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Primeros pasos', '#primeros-pasos'],
      ['Detalle', '#detalle'],
    ]);
  });

  it('lists the sources with norm, title, detail and a link that opens in a new tab', async () => {
    openReader('todos-los-bloques');
    const sources = (await screen.findByRole('heading', { level: 2, name: 'Fuentes' })).closest('section')!;
    expect(sources.textContent).toContain('Ley 29168 — Ley de espectáculos públicos no deportivos');
    expect(sources.textContent).toContain('art. 3');
    expect(sources.textContent).toContain('DS 002-2018-PCM — Reglamento de ITSE');
    const link = within(sources).getByRole('link', { name: /Ver el texto/ });
    expect(link.getAttribute('href')).toBe('https://www.gob.pe/ley-29168');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('says when it was reviewed, in Spanish, and for which levels of government', async () => {
    openReader('todos-los-bloques');
    await screen.findByText('Revisado el domingo 29 de noviembre de 2026');
    expect(screen.getByText('Para gobiernos: Regional, Distrital')).toBeTruthy();
  });

  it('external links open in a new tab with rel=noopener, a link with userinfo is not drawn; entrada: links move inside the app', async () => {
    openReader('todos-los-bloques');
    const external = await screen.findByRole('link', { name: /el portal/ });
    expect(external.getAttribute('target')).toBe('_blank');
    expect(external.getAttribute('rel')).toContain('noopener');
    // A link that reads as gob.pe but goes elsewhere (userinfo) is shown as plain text, not a link.
    expect(screen.getByText('un portal falso').closest('a')).toBeNull();
    const internal = screen.getByRole('link', { name: 'la otra entrada' });
    expect(internal.getAttribute('href')).toBe('/catalogo/otra-entrada');
    expect(internal.getAttribute('target')).toBeNull();
    fireEvent.click(internal);
    await screen.findByRole('heading', { level: 1, name: 'La otra entrada' });
    expect(location.pathname).toBe('/catalogo/otra-entrada');
  });

  it('an unknown id shows a not-found message with a way back, not an empty page', async () => {
    openReader('no-existe');
    await screen.findByRole('heading', { level: 1, name: 'No encontramos esta entrada' });
    expect(screen.getByRole('alert').textContent).toContain('aún no se haya descargado');
    expect(screen.getAllByRole('link', { name: 'Volver al catálogo' })[0]!.getAttribute('href')).toBe('/catalogo');
  });

  it('«Guardar en favoritos» keeps the entry on the device and the button then offers to remove it', async () => {
    openReader('otra-entrada');
    fireEvent.click(await screen.findByRole('button', { name: 'Guardar en favoritos' }));
    await screen.findByRole('button', { name: 'Quitar de favoritos' });
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('Guardada en sus favoritos.');
    expect((await dbs.user.favourites.toArray()).map((row) => row.entryId)).toEqual(['otra-entrada']);
  });

  it('opening an entry puts it first in «Recientes»', async () => {
    openReader('otra-entrada');
    await screen.findByRole('heading', { level: 1, name: 'La otra entrada' });
    await waitFor(async () => expect((await dbs.user.recents.toArray()).map((row) => row.entryId)).toEqual(['otra-entrada']));
  });

  it('offers to continue from the heading where the person left off', async () => {
    await dbs.user.readingProgress.put({ entryId: 'todos-los-bloques', headingId: 'detalle', updatedAt: '2026-11-29T17:00:00.000Z' });
    openReader('todos-los-bloques');
    const resume = await screen.findByRole('button', { name: 'Continuar donde lo dejó: Detalle' });
    fireEvent.click(resume);
    expect(document.activeElement?.id).toBe('detalle');
  });

  it('with no share sheet and no clipboard, says so in Spanish and shows the link to copy', async () => {
    openReader('otra-entrada');
    fireEvent.click(await screen.findByRole('button', { name: 'Compartir' }));
    const alert = await screen.findByText('No se pudo copiar el enlace. Cópielo desde aquí:');
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    expect((screen.getByLabelText('Enlace de esta entrada') as HTMLInputElement).value).toBe(`${location.origin}/catalogo/otra-entrada`);
  });

  it('renders a real entry of the catalogue with its sources', async () => {
    const real = readRealCatalogue().entries.find((entry) => entry.id === 'musica-en-eventos-gratuitos')!;
    await seedCatalogue(dbs, [real]);
    openReader(real.id);
    await screen.findByRole('heading', { level: 1, name: real.title });
    for (const source of real.sources) expect(screen.getAllByText(source.norm).length).toBeGreaterThan(0);
  });
});

describe('a yearly value in an entry shows the amount of this phone’s year in Lima, with its norm', () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    ['2026-03-02T15:00:00Z', 'S/\u00a044\u00a0000 (8 UIT de 2026, DS 301-2025-EF)'],
    ['2025-06-30T15:00:00Z', 'S/\u00a042\u00a0800 (8 UIT de 2025, DS 260-2024-EF)'],
    // 1 January 2026 at 03:00 UTC is still New Year's Eve in Lima.
    ['2026-01-01T03:00:00Z', 'S/\u00a042\u00a0800 (8 UIT de 2025, DS 260-2024-EF)'],
    // No 2027 value yet: the latest known year stands.
    ['2027-02-01T15:00:00Z', 'S/\u00a044\u00a0000 (8 UIT de 2026, DS 301-2025-EF)'],
  ])('on %s the procurement entry says «%s»', async (now, expected) => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(now) });
    const real = readRealCatalogue().entries.find((entry) => entry.id === 'contratacion-publica-ley-32069')!;
    await seedCatalogue(dbs, [real]);
    const { container } = openReader(real.id);
    await screen.findByRole('heading', { level: 1, name: real.title });
    const shown = [...container.querySelectorAll('.valor')].map((node) => node.textContent);
    expect(shown[0]).toBe(expected);
    expect(container.textContent).not.toContain('{{valor');
  });
});
