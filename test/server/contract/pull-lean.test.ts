/**
 * The lean catalogue pull (#12: the first catalogue download under its 150 KiB budget): with
 * `lean=1` entries come without `searchText`, and the text a device derives from what did come
 * is exactly what the compiler stored, for every entry of the real catalogue, on both engines.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveSearchText } from '../../../src/shared/catalogue/plain-text';
import type { Entry } from '../../../src/shared/catalogue/entry';
import type { PullResponse } from '../../../src/shared/protocol';
import { ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';

async function pullCatalogue(server: TestServer, lean: boolean): Promise<{ page: PullResponse; wire: number }> {
  const res = await server.app.inject({ method: 'GET', url: `/api/sync/pull?scope=catalogue&cursor=0&limit=500${lean ? '&lean=1' : ''}` });
  expect(res.statusCode).toBe(200);
  return { page: res.json<PullResponse>(), wire: gzipSync(res.body).length };
}

describe.each(ENGINES)('the lean catalogue pull on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer(engine)));
  afterAll(async () => server.close());

  it('leaves out only the entries\' searchText, which the device derives exactly as the compiler wrote it', async () => {
    const whole = await pullCatalogue(server, false);
    const lean = await pullCatalogue(server, true);
    const wholeEntries = new Map(whole.page.changes.filter((c) => c.table === 'entries').map((c) => [c.id, c.row as Entry]));
    const leanEntries = lean.page.changes.filter((c) => c.table === 'entries');
    expect(leanEntries.length).toBeGreaterThan(50);
    expect(leanEntries.length).toBe(wholeEntries.size);
    for (const change of leanEntries) {
      const row = change.row as Partial<Entry>;
      const { searchText, ...rest } = wholeEntries.get(change.id)!;
      expect(row.searchText, change.id).toBeUndefined();
      expect(row, change.id).toEqual(rest);
      expect(deriveSearchText(row as Entry), change.id).toBe(searchText);
    }
    // Everything else (templates, places, workshops) is the same with or without the flag.
    expect(lean.page.changes.filter((c) => c.table !== 'entries')).toEqual(whole.page.changes.filter((c) => c.table !== 'entries'));
    expect(lean.page.cursor).toBe(whole.page.cursor);
    expect(lean.wire).toBeLessThan(whole.wire * 0.9);
  });

  it('refuses a lean value it does not know, in Spanish', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/sync/pull?scope=catalogue&cursor=0&lean=si' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Los datos enviados no son válidos.');
  });
});
