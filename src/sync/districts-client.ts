/**
 * Asks the server for one region's districts (`GET /api/places/districts`), public like the
 * catalogue, revalidated by tag: an unchanged region costs a 304 with no body.
 */
import * as v from 'valibot';
import { DistrictsResponse } from '../shared/places/place-schemas';
import { getTransport } from './transport';

/** What the server said: new districts and their tag, unchanged, or no usable answer (offline, error). */
export type DistrictsAnswer =
  | { kind: 'fresh'; tag: string; districts: Array<[string, string]> }
  | { kind: 'unchanged' }
  | { kind: 'unavailable' };

/** Fetches a region's districts; `tag` is what the phone has (sent as If-None-Match). */
export async function fetchRegionDistricts(regionCode: string, tag: string | undefined): Promise<DistrictsAnswer> {
  try {
    const response = await getTransport()(`/api/places/districts?region=${encodeURIComponent(regionCode)}`, {
      method: 'GET', headers: tag ? { 'if-none-match': tag } : {},
    });
    if (response.status === 304) return { kind: 'unchanged' };
    if (!response.ok) return { kind: 'unavailable' };
    const body = v.parse(DistrictsResponse, await response.json());
    return { kind: 'fresh', tag: response.headers.get('etag') ?? '', districts: body.districts };
  } catch {
    return { kind: 'unavailable' };
  }
}
