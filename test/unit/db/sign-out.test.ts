import { describe, expect, it } from 'vitest';
import { forgetUserData } from '../../../src/db/sign-out';
import { exportOutbox } from '../../../src/db/changes-file';
import { recordMutation } from '../../../src/db/record-mutation';
import { setFavourite } from '../../../src/db/favourites-store';
import { recordOpened } from '../../../src/db/recents-store';
import { saveReadingProgress } from '../../../src/db/reading-progress-store';
import { hasSentFeedback } from '../../../src/db/feedback-store';
import { META_KEYS, readMeta } from '../../../src/db/meta-store';
import { uuidv7 } from '../../../src/shared/ids';
import { drainOutbox } from '../../../src/sync/push';
import { acceptAll, createDevice, makeEvent, scriptTransport, signIn } from '../sync/device-fixture';
import { makePerson, makeWorkshop } from '../../component/workshops/workshop-fixture';
import type { StoredEntry } from '../../../src/db/catalogue-db';
import type { Databases } from '../../../src/db/connection';

const workshopId = uuidv7();

/** A pulled catalogue entry (public: it stays after a sign-out). */
const ENTRY: StoredEntry = {
  id: 'calculo-de-aforo', kind: 'guia', topic: 'planificacion', title: 'Cálculo de aforo', summary: 'Cuántas personas caben.',
  levels: ['distrital'], tags: [], sources: [], reviewed: '2026-11-29', related: [], body: [], toc: [], searchText: 'Cálculo de aforo',
};

/** What one account leaves on a shared phone after a day's work, everything already sent. */
async function useThePhone(dbs: Databases): Promise<void> {
  await signIn(dbs);
  await recordMutation(dbs.user, 'event.save', makeEvent());
  await recordMutation(dbs.user, 'attendance.register', { id: uuidv7(), workshopId, person: makePerson(), consent: { given: true, textVersion: 'v1' } });
  await recordMutation(dbs.user, 'feedback.submit', { id: uuidv7(), workshopId, ratings: { contenido: 5, facilitacion: 4, utilidad: 5, organizacion: 4 }, recommend: 9 });
  await recordMutation(dbs.user, 'attendance.export', { workshopId, at: '2026-11-29T18:00:00.000Z', rows: 1, format: 'csv' });
  const { transport } = scriptTransport(acceptAll);
  await drainOutbox({ ...dbs, transport }, { refreshed: false });
  await dbs.user.feedback.put({ id: uuidv7(), workshopId, ratings: { contenido: 5, facilitacion: 5, utilidad: 5, organizacion: 5 }, recommend: 10 });
  await setFavourite(dbs.user, 'calculo-de-aforo', true);
  await recordOpened(dbs.user, 'calculo-de-aforo');
  await saveReadingProgress(dbs.user, 'calculo-de-aforo', 'la-formula');
  await dbs.catalogue.entries.put(ENTRY);
  await dbs.catalogue.workshops.bulkPut([
    { ...makeWorkshop({ id: 'pulled-workshop', code: 'RED001' }), syncVersion: 3 },
    { ...makeWorkshop({ id: 'unconfirmed-workshop', code: 'RED002' }), isLocal: true },
  ]);
}

describe('signing out on a shared phone', () => {
  it('leaves nothing of the previous account: its records, sent-feedback flags, export log, favourites, recents and reading progress, its unconfirmed workshops; the public catalogue and the clock stay', async () => {
    const dbs = createDevice();
    await useThePhone(dbs);
    expect(await dbs.user.outbox.count()).toBe(0);
    expect(await hasSentFeedback(dbs.user, workshopId)).toBe(true);
    const clock = await readMeta<string>(dbs.user.meta, META_KEYS.hlc);

    expect(await forgetUserData(dbs.user, dbs.catalogue)).toBe(true);
    for (const table of [dbs.user.events, dbs.user.attendance, dbs.user.feedback, dbs.user.checklistRuns, dbs.user.checklistItems, dbs.user.favourites, dbs.user.recents, dbs.user.readingProgress]) {
      expect(await table.count(), table.name).toBe(0);
    }
    expect(await hasSentFeedback(dbs.user, workshopId)).toBe(false);
    expect((await dbs.user.meta.toArray()).map((row) => row.key)).toEqual([META_KEYS.hlc]);
    expect(await readMeta(dbs.user.meta, META_KEYS.hlc)).toBe(clock);
    expect(await dbs.catalogue.entries.count()).toBe(1);
    expect((await dbs.catalogue.workshops.toArray()).map((row) => row.id)).toEqual(['pulled-workshop']);
  });

  it('refuses while a change waits unsent and unexported, changing nothing; once exported to a file it goes ahead', async () => {
    const dbs = createDevice();
    await useThePhone(dbs);
    await recordMutation(dbs.user, 'event.save', makeEvent({ title: 'Aún sin enviar' }));

    expect(await forgetUserData(dbs.user)).toBe(false);
    expect(await dbs.user.outbox.count()).toBe(1);
    expect(await dbs.user.events.count()).toBe(2);
    expect(await dbs.user.favourites.count()).toBe(1);
    expect(await readMeta(dbs.user.meta, META_KEYS.session)).toBeDefined();

    await exportOutbox(dbs.user);
    expect(await forgetUserData(dbs.user)).toBe(true);
    expect(await dbs.user.outbox.count()).toBe(0);
    expect(await dbs.user.events.count()).toBe(0);
  });
});
