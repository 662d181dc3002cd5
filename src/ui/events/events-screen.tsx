import { lazy } from 'preact-iso';
import { useLocation } from 'preact-iso';
import { EventList } from './event-list';
import { EventFormScreen } from './event-form-screen';
import { EventDetail } from './event-detail';
import './events.css';

// The checklist and print screens are their own chunks: the list and form stay small.
const ChecklistScreen = lazy(() => import('../checklists/checklist-screen').then((m) => m.ChecklistScreen));
const PrintView = lazy(() => import('../checklists/print-view').then((m) => m.PrintView));

/**
 * Eventos and everything under `/eventos/…`: the list, the form (new and edit), an event with
 * its checklists, one checklist, and the print view. Paths are read here so the app's router
 * needs only `/eventos` and `/eventos/*`.
 */
export function EventsScreen() {
  const { path, query } = useLocation();
  const parts = path.split('/').filter(Boolean).slice(1);
  const [id, view, runId] = parts;
  if (!id) return <EventList />;
  if (id === 'nuevo') return <EventFormScreen templateId={query['plantilla']} />;
  if (view === 'editar') return <EventFormScreen eventId={id} />;
  if (view === 'lista' && runId) return <ChecklistScreen eventId={id} runId={runId} />;
  if (view === 'imprimir') return <PrintView eventId={id} />;
  return <EventDetail eventId={id} />;
}
