/**
 * The coordinador's editor against the REAL server, in-process: the transport hands each request
 * to Fastify's `inject`, so previews, faults and publishing are the server's own answers.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { watchConnection } from '../../../src/state/app-model';
import type { SessionResponse } from '../../../src/shared/protocol';
import type { Role } from '../../../src/shared/schemas/common';
import { EditorScreen } from '../../../src/ui/editor/editor-screen';
import { useInProcessServer } from '../../helpers/component-server';
import { bearer, createLoggedInUser } from '../../helpers/server-app';

const ENTRY_ID = 'calculo-de-aforo';
// The file's server in-process, and a fresh device for each test.
const device = useInProcessServer(() => watchConnection(window));

async function signIn(roles: Role[]): Promise<SessionResponse> {
  const session = await createLoggedInUser(device.server, roles, 'Rosa Quispe');
  await device.signInAs(session);
  return session;
}

function showEditor(path: string) {
  history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <EditorScreen />
    </LocationProvider>,
  );
}

const sourceBox = () => screen.findByLabelText<HTMLTextAreaElement>(/Texto de la entrada/, {}, { timeout: 5000 });
const type = (box: HTMLTextAreaElement, value: string) => fireEvent.input(box, { target: { value } });

// Each case talks to the in-process server many times; a loaded machine needs more than 5 s.
describe('Más → Editar catálogo', { timeout: 20_000 }, () => {
  it('faults show with their line, the fixed draft previews with the reader blocks, and Publicar (confirmed) reaches the server', async () => {
    const coordinador = await signIn(['coordinador']);
    showEditor(`/mas/editor/${ENTRY_ID}`);
    const box = await sourceBox();
    const published = box.value;
    type(box, published.replace(/\nkind: .*\n/, '\nkind: cuento\n'));
    const fault = await screen.findByRole('button', { name: /^Línea 3: .*Tipo desconocido/ }, { timeout: 3000 });
    expect(screen.getByRole('button', { name: /Publicar/ })).toHaveProperty('disabled', true);
    fireEvent.click(fault);
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).toBe('kind: cuento');

    type(box, published.replace('\n## ', '\n## Paso añadido en el editor\n\nTexto nuevo.\n\n## '));
    const preview = await screen.findByRole('region', { name: 'Vista previa' }, { timeout: 3000 });
    await waitFor(() => expect(within(preview).getByRole('heading', { name: 'Paso añadido en el editor' })).toBeTruthy(), { timeout: 3000 });
    expect(screen.getByText('Sin errores: lista para publicar.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Publicar/ }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Sí, publicar' }));
    // The entry's own version number: the build published version 1, this is version 2 (not the sync counter).
    await screen.findByText('Publicada: versión 2.', {}, { timeout: 3000 });
    const version = 2;
    const stored = await device.server.app.inject({ method: 'GET', url: `/api/catalogue/entries/${ENTRY_ID}/source`, headers: bearer(coordinador) });
    expect(stored.json()).toMatchObject({ source: expect.stringContaining('## Paso añadido en el editor') });
    expect(stored.json<{ version: number }>().version).toBeGreaterThan(100);
    expect(stored.json<{ history: Array<{ edition: number }> }>().history.map((h) => h.edition)).toEqual([2, 1]);
    // The history names the person and offers every version.
    expect(await screen.findByText(new RegExp(`Versión ${version} · .* · Rosa Quispe`))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: `Ver versión ${version}` }));
    expect(((await screen.findByLabelText(`Texto de la versión ${version} (solo lectura)`)) as HTMLTextAreaElement).value).toContain('Paso añadido');
  });

  it('a new entry starts from the front matter, is published under its own id, and the editor moves to it', async () => {
    const coordinador = await signIn(['coordinador']);
    showEditor('/mas/editor/nueva');
    const box = await sourceBox();
    expect(box.value).toMatch(/^---\nid: nueva-entrada\n/);
    const source = box.value
      .replace('id: nueva-entrada', 'id: ferias-de-fin-de-ano')
      .replace('title: ', 'title: Ferias de fin de año')
      .replace('summary: ', 'summary: Cómo organizar una feria navideña en la plaza.')
      .replace('  - norm: ', '  - norm: Ley 28296')
      .replace('    title: ', '    title: Ley General del Patrimonio Cultural de la Nación')
      .concat('Reserve la plaza con tiempo.\n');
    type(box, source);
    await screen.findByText('Sin errores: lista para publicar.', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: /Publicar/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Sí, publicar' }));
    await screen.findByText(/^Publicada: versión \d+\.$/, {}, { timeout: 3000 });
    await waitFor(() => expect(location.pathname).toBe('/mas/editor/ferias-de-fin-de-ano'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ferias de fin de año'), { timeout: 3000 });
    expect(screen.getByText(/^Publicada: versión \d+\.$/)).toBeTruthy();
    const stored = await device.server.app.inject({ method: 'GET', url: '/api/catalogue/entries/ferias-de-fin-de-ano/source', headers: bearer(coordinador) });
    expect(stored.json()).toMatchObject({ source, history: [{ publishedBy: 'Rosa Quispe' }] });
  });

  it('an unpublished draft survives a reload of the screen and can be discarded', async () => {
    await signIn(['coordinador']);
    const first = showEditor(`/mas/editor/${ENTRY_ID}`);
    const box = await sourceBox();
    const published = box.value;
    type(box, `${published}\nUn párrafo que no quiero perder.\n`);
    first.unmount();
    showEditor(`/mas/editor/${ENTRY_ID}`);
    await waitFor(async () => expect((await sourceBox()).value).toContain('Un párrafo que no quiero perder.'), { timeout: 5000 });
    expect(screen.getByText('Borrador sin publicar recuperado.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Descartar borrador' }));
    await waitFor(async () => expect((await sourceBox()).value).toBe(published));
    expect(screen.queryByText('Borrador sin publicar recuperado.')).toBeNull();
  });

  it('a draft based on a version someone else replaced is refused with an alert, and the draft stays', async () => {
    const coordinador = await signIn(['coordinador']);
    showEditor(`/mas/editor/${ENTRY_ID}`);
    const box = await sourceBox();
    const current = await device.server.app.inject({ method: 'GET', url: `/api/catalogue/entries/${ENTRY_ID}/source`, headers: bearer(coordinador) });
    const { source, version } = current.json<{ source: string; version: number }>();
    const other = await device.server.app.inject({ method: 'PUT', url: `/api/catalogue/entries/${ENTRY_ID}`, headers: bearer(coordinador), payload: { source: `${source}\nOtra persona.\n`, baseVersion: version } });
    expect(other.statusCode).toBe(200);
    const mine = `${box.value}\nMi cambio.\n`;
    type(box, mine);
    await screen.findByText('Sin errores: lista para publicar.', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: /Publicar/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Sí, publicar' }));
    expect((await screen.findByRole('alert', {}, { timeout: 3000 })).textContent).toContain('Otra persona publicó esta entrada');
    expect(box.value).toBe(mine);
  });

  it('offline, the editor says it needs a connection and Publicar is off', async () => {
    await signIn(['coordinador']);
    showEditor(`/mas/editor/${ENTRY_ID}`);
    await sourceBox();
    await screen.findByText('Sin errores: lista para publicar.', {}, { timeout: 3000 });
    window.dispatchEvent(new Event('offline'));
    try {
      expect(await screen.findByText(/Sin conexión: el editor necesita internet/)).toBeTruthy();
      expect(screen.getByRole('button', { name: /Publicar/ })).toHaveProperty('disabled', true);
    } finally {
      window.dispatchEvent(new Event('online'));
    }
  });

  it('a draft kept from before the connection dropped opens offline, and online it stays based on the version it was written on', async () => {
    const coordinador = await signIn(['coordinador']);
    const first = showEditor(`/mas/editor/${ENTRY_ID}`);
    const box = await sourceBox();
    const mine = `${box.value}\nEscrito antes de perder la señal.\n`;
    type(box, mine);
    first.unmount();
    window.dispatchEvent(new Event('offline'));
    const second = showEditor(`/mas/editor/${ENTRY_ID}`);
    try {
      expect((await sourceBox()).value).toBe(mine);
      expect(screen.getByText(/Sin conexión: el editor necesita internet/)).toBeTruthy();
      // Meanwhile someone publishes from elsewhere.
      const current = await device.server.app.inject({ method: 'GET', url: `/api/catalogue/entries/${ENTRY_ID}/source`, headers: bearer(coordinador) });
      const { source, version } = current.json<{ source: string; version: number }>();
      await device.server.app.inject({ method: 'PUT', url: `/api/catalogue/entries/${ENTRY_ID}`, headers: bearer(coordinador), payload: { source: `${source}\nDe otra oficina.\n`, baseVersion: version } });
    } finally {
      window.dispatchEvent(new Event('online'));
    }
    await screen.findByText('Sin errores: lista para publicar.', {}, { timeout: 3000 });
    expect((await sourceBox()).value).toBe(mine);
    fireEvent.click(screen.getByRole('button', { name: /Publicar/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Sí, publicar' }));
    expect((await screen.findByRole('alert', {}, { timeout: 3000 })).textContent).toContain('Otra persona publicó esta entrada');
    second.unmount();
  });

  it.each<[string, Role[]]>([
    ['a gestor', ['gestor']],
    ['a facilitador', ['facilitador']],
  ])('%s is told the editor is for the coordinación only', async (_who, roles) => {
    await signIn(roles);
    showEditor('/mas/editor');
    expect((await screen.findByRole('alert')).textContent).toContain('Solo la coordinación de la RED');
    expect(screen.queryByLabelText(/Texto de la entrada/)).toBeNull();
  });
});
