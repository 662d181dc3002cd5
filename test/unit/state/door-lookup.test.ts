/**
 * The participant's door finds its workshop without the device's runtime (#12): the answer the
 * server wrote into the page is read as the API's, checked for what the door draws, and no
 * request is made; without it the door asks through the device's transport, and only the
 * server's 404 says there is no such workshop.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { effect } from '@preact/signals';
import { lookUpWorkshop, readDoorWorkshop, type WorkshopLookup } from '../../../src/state/door-lookup';
import { prefetchDoorWorkshop } from '../../../src/sync/door-prefetch';
import { setTransport } from '../../../src/sync/transport';

const ROW = { code: 'ABC234', title: 'Derechos de autor', modality: 'presencial', startsAt: '2027-01-14T14:00:00.000Z', endsAt: '2027-01-14T21:00:00.000Z', topic: 'Gestión' };
const ANSWER = { change: { table: 'workshops', id: '0193a5b0-0000-7000-8000-000000000001', version: 7, row: ROW } };

/** The lookup's first settled value (anything but 'loading'). */
function settle(code: string): Promise<Exclude<WorkshopLookup, 'loading'>> {
  const state = lookUpWorkshop(code);
  return new Promise((resolve) => {
    const stop = effect(() => {
      const value = state.value;
      if (value !== 'loading') queueMicrotask(() => (stop(), resolve(value)));
    });
  });
}

afterEach(() => setTransport(undefined));

describe('readDoorWorkshop', () => {
  it('takes the workshop of a by-code answer, with its id and version', () => {
    expect(readDoorWorkshop(ANSWER)).toEqual({ ...ROW, id: ANSWER.change.id, syncVersion: 7 });
  });

  it('refuses what the door could not draw', () => {
    const broken = [
      null,
      'texto',
      { change: { ...ANSWER.change, table: 'events' } },
      { change: { ...ANSWER.change, version: '7' } },
      { change: { ...ANSWER.change, row: null } },
      { change: { ...ANSWER.change, row: { ...ROW, title: 3 } } },
      { change: { ...ANSWER.change, row: { ...ROW, startsAt: 'mañana' } } },
    ];
    for (const body of broken) expect(readDoorWorkshop(body), JSON.stringify(body)).toBeUndefined();
  });
});

describe('lookUpWorkshop', () => {
  it('shows the answer written into the page without asking the server', async () => {
    const asked: string[] = [];
    setTransport(async (path) => (asked.push(String(path)), new Response('{}', { status: 500 })));
    prefetchDoorWorkshop('/t/abc234/asistencia', JSON.stringify(ANSWER));
    expect(await settle('ABC234')).toMatchObject({ title: ROW.title, id: ANSWER.change.id });
    expect(asked).toEqual([]);
  });

  it('without it, asks through the transport: a 404 is «no such workshop», a failed request «offline», an unreadable answer «failed»', async () => {
    const asked: string[] = [];
    setTransport(async (path) => (asked.push(String(path)), new Response('{"error":{}}', { status: 404 })));
    expect(await settle('ZZZZZ9')).toBe('missing');
    expect(asked).toEqual(['/api/workshops/by-code/ZZZZZ9']);
    setTransport(async () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await settle('ZZZZZ9')).toBe('offline');
    setTransport(async () => new Response('<html>portal</html>', { status: 200 }));
    expect(await settle('ZZZZZ9')).toBe('failed');
  });
});
