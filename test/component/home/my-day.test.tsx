import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, render, screen, within } from '@testing-library/preact';
import type { Databases } from '../../../src/db/connection';
import { setFavourite } from '../../../src/db/favourites-store';
import { recordOpened } from '../../../src/db/recents-store';
import { resetLiveSignals } from '../../../src/state/live-signal';
import { saveEvent } from '../../../src/state/event-model';
import { addTemplate } from '../../../src/state/event-checklists-model';
import { HomeScreen } from '../../../src/ui/home/home-screen';
import { t } from '../../../src/shared/i18n';
import { makeEvent } from '../../unit/sync/device-fixture';
import { makeEntry, seedCatalogue } from '../catalogue/catalogue-fixture';
import { MUSIC_TEMPLATE, useDeviceWithTemplates } from '../events/fixtures';

// The machine is shared: give the lazy chunk and IndexedDB round trips time.
configure({ asyncUtilTimeout: 5000 });

let dbs: Databases;
// Thursday 10 Dec 2026, noon in Lima; the festival is on Monday 14 Dec.
const NOW = Date.parse('2026-12-10T17:00:00.000Z');
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  resetLiveSignals();
});
useDeviceWithTemplates({ templates: [MUSIC_TEMPLATE], now: () => NOW, onDevice: (device) => (dbs = device) });
afterEach(() => void vi.useRealTimers());

describe('Inicio', () => {
  it('on a first visit keeps the welcome and what works without signal', async () => {
    render(<HomeScreen />);
    expect(screen.getByText(t('home.intro'))).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: t('home.offline.title') })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByRole('heading', { level: 2, name: 'Sus próximos eventos' })).toBeNull();
  });

  it('becomes the person’s own: upcoming events, items overdue or due this week with their event, reading, favourites', async () => {
    await seedCatalogue(dbs, [makeEntry({ id: 'aforo', title: 'Cálculo de aforo' }), makeEntry({ id: 'permisos', title: 'Permisos municipales' })]);
    const eventId = await saveEvent(makeEvent({ title: 'Festival del Sol', music: 'live', startsAt: '2026-12-14T20:00:00.000Z', endsAt: '2026-12-14T23:00:00.000Z' }));
    const runId = await addTemplate(eventId, MUSIC_TEMPLATE);
    await setFavourite(dbs.user, 'permisos', true);
    await recordOpened(dbs.user, 'aforo');
    render(<HomeScreen />);
    const upcoming = await screen.findByRole('region', { name: 'Sus próximos eventos' });
    expect(within(upcoming).getByRole('link', { name: 'Festival del Sol' }).getAttribute('href')).toBe(`/eventos/${eventId}`);
    const due = screen.getByRole('region', { name: 'Tareas vencidas o para esta semana' });
    const licence = within(due).getByRole('link', { name: 'Solicitar la licencia de comunicación pública' });
    expect(licence.getAttribute('href')).toBe(`/eventos/${eventId}/lista/${runId}`);
    const line = licence.closest('li')!;
    expect(line.textContent).toContain('Vencido el lunes 7 de diciembre de 2026');
    expect(line.textContent).toContain('Evento: Festival del Sol');
    // Due on 15 Dec, within the week; overdue ones come first.
    const texts = within(due).getAllByRole('link').map((a) => a.textContent);
    expect(texts.at(-1)).toBe('Anotar las obras tocadas');
    expect(within(screen.getByRole('region', { name: 'Continuar leyendo' })).getByRole('link', { name: 'Cálculo de aforo' }).getAttribute('href')).toBe('/catalogo/aforo');
    expect(within(screen.getByRole('region', { name: 'Sus favoritos' })).getByRole('link', { name: 'Permisos municipales' })).toBeTruthy();
    // Not a first visit: the welcome gives way.
    expect(screen.queryByText(t('home.intro'))).toBeNull();
    expect(screen.queryByRole('heading', { level: 2, name: t('home.offline.title') })).toBeNull();
  }, 15_000);
});
