/**
 * Bench: a device's first catalogue download — every page of `GET /api/sync/pull?scope=catalogue`
 * from cursor 0, as the app asks for it (limit 500, Accept-Encoding gzip), against the real app
 * in-process with the real catalogue loaded on start. Budget (issue 4): ≤ 150 KiB gzip on the wire.
 */
import { gunzipSync } from 'node:zlib';
import type { PullResponse } from '../../src/shared/protocol';
import { MAX_PULL_LIMIT } from '../../src/shared/protocol-limits';
import { bearer, createLoggedInUser, startTestServer, type TestServer } from '../helpers/server-app';
import type { BenchRow } from './bench-row';

/** What the download weighed: bytes on the wire and once inflated, pages, rows per table. */
export interface CatalogueDownload {
  wireBytes: number;
  jsonBytes: number;
  pages: number;
  rowsByTable: Record<string, number>;
  isGzip: boolean;
}

/** Pulls the whole catalogue from cursor 0 and weighs every page. */
export async function downloadCatalogue(): Promise<CatalogueDownload> {
  const server = await startTestServer('sqlite');
  try {
    return (await pullWeighed(server, 0)).download;
  } finally {
    await server.close();
  }
}

/** Every catalogue page from `from`, weighed as it travels; returns the weights and the last cursor. */
async function pullWeighed(server: TestServer, from: number): Promise<{ download: CatalogueDownload; cursor: number }> {
  const result: CatalogueDownload = { wireBytes: 0, jsonBytes: 0, pages: 0, rowsByTable: {}, isGzip: true };
  for (let cursor = from; ; ) {
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/sync/pull?scope=catalogue&cursor=${cursor}&limit=${MAX_PULL_LIMIT}&lean=1`,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode}`);
    const wire = res.rawPayload;
    const isGzip = res.headers['content-encoding'] === 'gzip';
    const json = isGzip ? gunzipSync(wire) : wire;
    result.isGzip &&= isGzip;
    result.wireBytes += wire.length;
    result.jsonBytes += json.length;
    result.pages += 1;
    const page = JSON.parse(json.toString('utf8')) as PullResponse;
    for (const change of page.changes) result.rowsByTable[change.table] = (result.rowsByTable[change.table] ?? 0) + 1;
    if (!page.hasMore) return { download: result, cursor: page.cursor };
    cursor = page.cursor;
  }
}

/** What a device downloads after a coordinador publishes one entry: the delta pull. */
export async function downloadDeltaAfterPublish(): Promise<CatalogueDownload> {
  const server = await startTestServer('sqlite');
  try {
    const { cursor } = await pullWeighed(server, 0);
    const coordinador = await createLoggedInUser(server, ['coordinador']);
    const id = 'calculo-de-aforo';
    const read = await server.app.inject({ method: 'GET', url: `/api/catalogue/entries/${id}/source`, headers: bearer(coordinador) });
    const { source, version } = read.json<{ source: string; version: number }>();
    const edited = source.replace(/\nreviewed: .*\n/, '\nreviewed: 2026-12-01\n');
    const res = await server.app.inject({ method: 'PUT', url: `/api/catalogue/entries/${id}`, headers: bearer(coordinador), payload: { source: edited, baseVersion: version } });
    if (res.statusCode !== 200) throw new Error(`publish failed: ${res.statusCode}`);
    return (await pullWeighed(server, cursor)).download;
  } finally {
    await server.close();
  }
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** The bench row: KiB on the wire for the first catalogue download. */
export async function measureCatalogueDownload(): Promise<BenchRow[]> {
  const d = await downloadCatalogue();
  const rows = Object.entries(d.rowsByTable).map(([table, n]) => `${table} ${n}`).join(', ');
  return [
    {
      area: 'catalogue',
      what: `first catalogue download, all pages from cursor 0 (${d.isGzip ? 'gzip' : 'NOT gzip'} on the wire)`,
      value: kib(d.wireBytes),
      unit: 'KiB',
      budget: 150,
      detail: `${d.pages} pages, ${kib(d.jsonBytes)} KiB of JSON; ${rows}`,
    },
  ];
}

/** The bench row: KiB on the wire for the pull that follows one published entry. */
export async function measureCatalogueDelta(): Promise<BenchRow[]> {
  const d = await downloadDeltaAfterPublish();
  const rows = Object.entries(d.rowsByTable).map(([table, n]) => `${table} ${n}`).join(', ');
  return [
    {
      area: 'catalogue',
      what: `catalogue pull after one entry is published (${d.isGzip ? 'gzip' : 'NOT gzip'})`,
      value: kib(d.wireBytes),
      unit: 'KiB',
      budget: null,
      detail: `${d.pages} page, ${kib(d.jsonBytes)} KiB of JSON; ${rows || 'no rows'}`,
    },
  ];
}

/**
 * The bench rows: what a phone downloads for districts, which stay out of the first catalogue
 * download (issue 12): one region's districts when a form first needs them, gzip on the wire.
 */
export async function measureRegionDistricts(): Promise<BenchRow[]> {
  const server = await startTestServer('sqlite');
  try {
    const { listRegions } = await import('../../src/shared/places/regions');
    const sizes: Array<{ region: string; wire: number; count: number }> = [];
    for (const { code } of listRegions()) {
      const res = await server.app.inject({ method: 'GET', url: `/api/places/districts?region=${code}`, headers: { 'accept-encoding': 'gzip' } });
      const json = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload) : res.rawPayload;
      sizes.push({ region: code, wire: res.rawPayload.length, count: (JSON.parse(json.toString('utf8')) as { districts: unknown[] }).districts.length });
    }
    const largest = sizes.reduce((a, b) => (b.wire > a.wire ? b : a));
    const total = sizes.reduce((n, s) => n + s.wire, 0);
    return [
      { area: 'catalogue', what: 'districts of the largest region, when a form first needs them (gzip)', value: kib(largest.wire), unit: 'KiB', budget: null, detail: `region ${largest.region}, ${largest.count} districts` },
      { area: 'catalogue', what: 'districts of all 26 regions, one request each (gzip)', value: kib(total), unit: 'KiB', budget: null, detail: `${sizes.reduce((n, s) => n + s.count, 0)} districts` },
    ];
  } finally {
    await server.close();
  }
}
