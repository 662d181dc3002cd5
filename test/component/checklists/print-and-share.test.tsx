import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, render, screen, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { saveEvent } from '../../../src/state/event-model';
import { setChecklistItem } from '../../../src/state/checklist-model';
import { addTemplate } from '../../../src/state/event-checklists-model';
import { shareText } from '../../../src/state/checklist-export-model';
import { EventsScreen } from '../../../src/ui/events/events-screen';
import { makeEvent } from '../../unit/sync/device-fixture';
import { MUSIC_TEMPLATE, useDeviceWithTemplates } from '../events/fixtures';

// The machine is shared: give IndexedDB round trips time before calling a screen broken.
configure({ asyncUtilTimeout: 5000 });

useDeviceWithTemplates({ templates: [MUSIC_TEMPLATE] });
afterEach(() => vi.unstubAllGlobals());

describe('the print view', () => {
  it('draws a box per applicable item, ticked ones marked, with due day and responsible in words', async () => {
    const id = await saveEvent(makeEvent({ title: 'Festival del Sol', music: 'recorded', startsAt: '2026-12-14T20:00:00.000Z', endsAt: '2026-12-14T23:00:00.000Z' }));
    const runId = await addTemplate(id, MUSIC_TEMPLATE);
    await setChecklistItem(runId, 'md-licencia', { done: true, responsible: 'Rosa' });
    await setChecklistItem(runId, 'md-registro', { notApplicable: true, reason: 'Solo música grabada' });
    history.replaceState(null, '', `/eventos/${id}/imprimir`);
    render(<LocationProvider><Router><Route path="/eventos/*" component={EventsScreen} /><Route default component={EventsScreen} /></Router></LocationProvider>);
    await screen.findByRole('heading', { level: 2, name: /Música y derechos de autor — 2 de 2 · 100 %/ });
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText(/Solicitar la licencia/).textContent).toContain('Hecho · Fecha límite: lunes 7 de diciembre de 2026 · Responsable: Rosa');
    expect(items[0]!.querySelector('.print__box')?.textContent).toBe('✓');
    // The «no aplica» reason is kept on paper.
    expect(items[1]!.querySelector('.print__box')?.textContent).toBe('–');
    expect(items[1]!.textContent).toContain('No aplica: Solo música grabada');
    expect(screen.getByRole('button', { name: 'Imprimir' })).toBeTruthy();
  });
});

describe('sharing the summary', () => {
  it('uses the Web Share API where there is one', async () => {
    const share = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { share, clipboard: { writeText: vi.fn() } });
    expect(await shareText('Festival', 'texto')).toBe('shared');
    expect(share).toHaveBeenCalledWith({ title: 'Festival', text: 'texto' });
  });

  it('copies to the clipboard where there is no Web Share', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    expect(await shareText('Festival', 'texto')).toBe('copied');
    expect(writeText).toHaveBeenCalledWith('texto');
  });

  it('the event screen says the summary was copied', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn(async () => undefined) } });
    const id = await saveEvent(makeEvent({ music: 'live' }));
    await addTemplate(id, MUSIC_TEMPLATE);
    history.replaceState(null, '', `/eventos/${id}`);
    render(<LocationProvider><Router><Route path="/eventos/*" component={EventsScreen} /><Route default component={EventsScreen} /></Router></LocationProvider>);
    fireEvent.click(await screen.findByRole('button', { name: 'Compartir resumen' }));
    await screen.findByText('Resumen copiado. Péguelo en WhatsApp o en un correo.');
  });

  it('the event screen shares each responsible their own open items', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const id = await saveEvent(makeEvent({ title: 'Festival del Sol', music: 'live' }));
    const runId = await addTemplate(id, MUSIC_TEMPLATE);
    await setChecklistItem(runId, 'md-licencia', { responsible: 'Rosa Huamán', note: 'Pedir cita' });
    history.replaceState(null, '', `/eventos/${id}`);
    render(<LocationProvider><Router><Route path="/eventos/*" component={EventsScreen} /><Route default component={EventsScreen} /></Router></LocationProvider>);
    fireEvent.click(await screen.findByText('Resumen por responsable (para WhatsApp)'));
    fireEvent.click(await screen.findByRole('button', { name: 'Compartir lo de Rosa Huamán (1)' }));
    await screen.findByText('Resumen copiado. Péguelo en WhatsApp o en un correo.');
    const text = writeText.mock.calls[0]![0];
    expect(text).toContain('Pendientes de Rosa Huamán:');
    expect(text).toMatch(/- \[ \] Solicitar la licencia de comunicación pública .*— Nota: Pedir cita/);
    expect(text).not.toContain('Pedir el repertorio');
  });
});
