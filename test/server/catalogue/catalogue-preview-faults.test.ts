/**
 * The coordinador's editor preview answers hostile or broken drafts with its fault list, never a
 * 500 and never seconds of CPU (security report L3): YAML alias bombs ("billion laughs"), a flood
 * of aliases, YAML nested thousands deep, and thousands of nested callouts or list levels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewResponse } from '../../../src/shared/catalogue/publishing';
import type { SessionResponse } from '../../../src/shared/protocol';
import { bearer, createLoggedInUser, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { makeEntry, makeEntryFront } from './entry-source';

/** A valid entry's front matter lines (without the --- fences). */
const FRONT = makeEntryFront('entrada-hostil', 'Una entrada de prueba');
const entry = makeEntry;

/** Nine levels of nine: 9^9 ≈ 387 million strings once expanded. */
function billionLaughs(): string[] {
  const lines = ['lol0: &l0 ["ja", "ja", "ja", "ja", "ja", "ja", "ja", "ja", "ja"]'];
  for (let i = 1; i <= 9; i++) lines.push(`lol${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(', ')}]`);
  return lines;
}

describe.each(ENGINES)('editor preview of hostile drafts (%s)', (engine) => {
  let server: TestServer;
  let coordinador: SessionResponse;
  beforeAll(async () => {
    server = await startTestServer(engine);
    coordinador = await createLoggedInUser(server, ['coordinador'], 'Rosa Quispe');
  });
  afterAll(async () => server.close());

  /** Previews `source`; expects the fault list (200, no entry) within a second of CPU. */
  async function expectFaults(source: string): Promise<PreviewResponse['faults']> {
    const started = performance.now();
    const res = await server.app.inject({ method: 'POST', url: '/api/catalogue/preview', headers: bearer(coordinador), payload: { source } });
    const took = performance.now() - started;
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const answer = res.json<PreviewResponse>();
    expect(answer.entry).toBeUndefined();
    expect(answer.faults.length).toBeGreaterThan(0);
    expect(took).toBeLessThan(1_500);
    return answer.faults;
  }

  it('a YAML alias bomb ("billion laughs") is a fault at the first anchor', async () => {
    const faults = await expectFaults(entry([...FRONT, ...billionLaughs()], 'Texto.'));
    expect(faults).toEqual([{ line: FRONT.length + 2, message: expect.stringContaining('no se admiten anclas ni alias') }]);
  });

  it('one alias in a field is refused the same way; * and & inside a text are still text', async () => {
    const withAlias = [...FRONT.slice(0, 3), 'title: &t Un título', 'summary: *t', ...FRONT.slice(5)];
    expect(await expectFaults(entry(withAlias, 'Texto.'))).toEqual([{ line: 5, message: expect.stringContaining('anclas ni alias') }]);
    const plain = [...FRONT.slice(0, 3), 'title: "Arte & cultura *en vivo*"', ...FRONT.slice(4)];
    const res = await server.app.inject({ method: 'POST', url: '/api/catalogue/preview', headers: bearer(coordinador), payload: { source: entry(plain, 'Texto.') } });
    expect(res.json<PreviewResponse>()).toMatchObject({ faults: [], entry: { title: 'Arte & cultura *en vivo*' } });
  });

  it('*a repeated 30,000 times (90 KB, near the source limit) is refused by size before any parsing', async () => {
    const flood = [...FRONT, 'a: &a x', `b: [${Array.from({ length: 30_000 }, () => '*a').join(',')}]`];
    expect(await expectFaults(entry(flood, 'Texto.'))).toEqual([{ line: 2, message: expect.stringContaining('demasiado largo') }]);
  });

  it('YAML nested 3,000 levels deep is a fault, not a crash', async () => {
    const deep = [...FRONT.slice(0, 3), `title: ${'['.repeat(3_000)}${']'.repeat(3_000)}`, ...FRONT.slice(4)];
    await expectFaults(entry(deep, 'Texto.'));
  });

  it.each([
    ['callouts', '> '],
    ['lists', '- '],
    ['numbered lists', '1. '],
  ])('5,000 nested %s are a fault at their line', async (_kind, marker) => {
    const body = ['Primer párrafo.', '', `${marker.repeat(5_000)}hondo`].join('\n');
    const faults = await expectFaults(entry(FRONT, body));
    expect(faults).toEqual([{ line: FRONT.length + 6, message: expect.stringContaining('Demasiados niveles') }]);
  });

  it('lists nested by indentation, a hundred deep, are refused too', async () => {
    const body = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- nivel ${i}`).join('\n');
    const faults = await expectFaults(entry(FRONT, body));
    expect(faults[0]!.message).toContain('Demasiados niveles');
  });

  it('a publish of such a draft is refused with the same faults (400), nothing stored', async () => {
    const source = entry([...FRONT, ...billionLaughs()], 'Texto.');
    const res = await server.app.inject({ method: 'PUT', url: '/api/catalogue/entries/entrada-hostil', headers: bearer(coordinador), payload: { source, baseVersion: null } });
    expect(res.statusCode).toBe(400);
    expect(res.json().faults).toEqual([{ line: FRONT.length + 2, message: expect.stringContaining('anclas ni alias') }]);
    const stored = await server.app.inject({ method: 'GET', url: '/api/catalogue/entries/entrada-hostil/source', headers: bearer(coordinador) });
    expect(stored.statusCode).toBe(404);
  });
});
