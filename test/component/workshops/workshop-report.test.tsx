import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { uuidv7 } from '../../../src/shared/ids';
import { formatFeedbackCsv } from '../../../src/state/feedback-csv-model';
import type { FeedbackRow } from '../../../src/state/feedback-model';
import { WorkshopReport } from '../../../src/ui/workshops/workshop-report';
import { applyUserPage } from '../../../src/sync/pull';
import { parseCsv } from '../../helpers/csv';
import { facilitateOnly, leadWorkshop, useSeededWorkshop } from './workshop-fixture';

const seeded = useSeededWorkshop();

function makeFeedback(ratings: [number, number, number, number], recommend: number, extra: Partial<FeedbackRow> = {}): FeedbackRow {
  const [contenido, facilitacion, utilidad, organizacion] = ratings;
  return { id: uuidv7(), workshopId: seeded.workshopId, ratings: { contenido, facilitacion, utilidad, organizacion } as FeedbackRow['ratings'], recommend, ...extra };
}

describe('the workshop report', { timeout: 20_000 }, () => {
  it('shows averages as averages out of 5 (no %), labels whole, each chart with its table folded beside it', async () => {
    await seeded.dbs.user.feedback.bulkPut([makeFeedback([5, 4, 5, 3], 9), makeFeedback([4, 4, 4, 4], 7)]);
    render(<LocationProvider><WorkshopReport workshopId={seeded.workshopId} /></LocationProvider>);
    const averages = (await screen.findByText('Promedio por aspecto (de 1 a 5)', { selector: 'figcaption' })).closest('figure')!;
    const chart = within(averages);
    // The label the old chart cut («Utilidad para mi …») is whole, and the value reads as an average.
    expect(chart.getByText('Utilidad para mi trabajo', { selector: '.ws-bar__label' })).toBeTruthy();
    expect(chart.getAllByText('4.5 de 5', { selector: '.ws-bar__value' })).toHaveLength(2);
    expect(chart.getAllByText('3.5 de 5', { selector: '.ws-bar__value' })).toHaveLength(1);
    const table = averages.querySelector('details table')!;
    expect(averages.querySelector('details summary')?.textContent).toBe('Ver las cifras en una tabla');
    expect(averages.querySelector('details')?.open).toBe(false);
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Promedio por aspecto (de 1 a 5)', 'Promedio']);
    expect(averages.textContent).not.toContain('%');
    // Counts keep their share.
    const recommend = (await screen.findByText('Recomendaría el taller (0 a 10)', { selector: 'figcaption' })).closest('figure')!;
    expect([...recommend.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Recomendaría el taller (0 a 10)', 'Respuestas', '%']);
    expect(screen.getByRole('button', { name: 'Descargar opiniones (CSV)' })).toBeTruthy();
  });

  it('says how many opinions the server holds back («N opiniones en espera») as the pull reports it, and drops it once they arrive', async () => {
    const { dbs, workshopId } = seeded;
    const waiting = (count: number, cursor: number) => applyUserPage(dbs.user, {
      changes: [{ table: 'feedbackWaiting', id: workshopId, version: cursor, row: { workshopId, waiting: count } }], cursor, hasMore: false,
    });
    await waiting(3, 10);
    render(<LocationProvider><WorkshopReport workshopId={workshopId} /></LocationProvider>);
    expect(await screen.findByText('3 opiniones en espera.')).toBeTruthy();
    expect(screen.getByText(/llegan en grupos de al menos 5/)).toBeTruthy();
    expect(screen.queryByText(/Aún no hay opiniones/)).toBeNull();
    // The group of five is released: the answers arrive, the count goes back to nothing.
    await dbs.user.feedback.bulkPut([5, 4, 5, 4, 3].map((r) => makeFeedback([r, 4, 4, 4], 8)));
    await waiting(0, 11);
    expect(await screen.findByText('Opiniones recibidas: 5')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/en espera/)).toBeNull());
  });

  it('heads the Informe del taller with its dates, hours and facilitators, counts by entity type, and offers A4 print and the figures CSV', async () => {
    render(<LocationProvider><WorkshopReport workshopId={seeded.workshopId} /></LocationProvider>);
    expect(await screen.findByText('2 horas de capacitación')).toBeTruthy();
    expect(screen.getByText('Facilitación: Rosa Huamán')).toBeTruthy();
    expect(screen.getByText('Asistentes por tipo de entidad', { selector: 'figcaption' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Imprimir informe (A4)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Descargar cifras (CSV)' })).toBeTruthy();
  });

  it('offers the attendance CSV (a logged export of personal data) only to who leads the workshop', async () => {
    await leadWorkshop(seeded.dbs, seeded.workshopId);
    const view = render(<LocationProvider><WorkshopReport workshopId={seeded.workshopId} /></LocationProvider>);
    await screen.findByRole('button', { name: 'Descargar asistencia (CSV)' });
    view.unmount();

    await facilitateOnly(seeded.dbs);
    render(<LocationProvider><WorkshopReport workshopId={seeded.workshopId} /></LocationProvider>);
    expect(await screen.findByText('2 horas de capacitación')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Descargar cifras (CSV)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Descargar asistencia (CSV)' })).toBeNull();
  });

  it('writes the feedback CSV through the shared writer: anonymous columns, a comment that looks like a formula neutralised', () => {
    const csv = formatFeedbackCsv([
      makeFeedback([5, 4, 5, 3], 9, { submittedAt: '2026-12-06T15:30:00.000Z', comment: '=HYPERLINK("http://x","clic")', topics: ['Derechos de autor', 'Financiamiento'] }),
      makeFeedback([2, 3, 2, 1], 4, { submittedAt: '2026-12-06T14:00:00.000Z' }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['Enviada (hora de Lima)', 'Contenido', 'Facilitación', 'Utilidad para mi trabajo', 'Organización', 'Recomendaría (0 a 10)', 'Comentarios', 'Temas para próximos talleres']);
    expect(rows[1]).toEqual(['2026-12-06 09:00', '2', '3', '2', '1', '4', '', '']);
    expect(rows[2]!.slice(0, 6)).toEqual(['2026-12-06 10:30', '5', '4', '5', '3', '9']);
    expect(rows[2]![6]!.startsWith('=')).toBe(false);
    expect(rows[2]![7]).toBe('Derechos de autor; Financiamiento');
  });
});
