import { lazy, useLocation } from 'preact-iso';
import { WorkshopList } from './workshop-list';
import { WorkshopDetail } from './workshop-detail';
import './workshops.css';
import './workshop-tools.css';

// The attendance form, the report and the workshop form are their own chunks: the list stays small.
const AttendanceScreen = lazy(() => import('./attendance-screen').then((m) => m.AttendanceScreen));
const WorkshopReport = lazy(() => import('./workshop-report').then((m) => m.WorkshopReport));
const WorkshopForm = lazy(() => import('./workshop-form').then((m) => m.WorkshopForm));
const CertificateSheet = lazy(() => import('./certificate-sheet').then((m) => m.CertificateSheet));

/**
 * Talleres and everything under `/talleres/…`: the RED programme, a workshop with its code and
 * QR, the workshop form (new and edit), the attendance form with the roster, and the
 * facilitador's summary, and one constancia ready to print. Paths are read here so the app's router needs only `/talleres/*`.
 */
export function WorkshopsScreen() {
  const { path } = useLocation();
  const [id, view, item] = path.split('/').filter(Boolean).slice(1);
  if (!id) return <WorkshopList />;
  if (id === 'nuevo') return <WorkshopForm />;
  if (view === 'editar') return <WorkshopForm workshopId={id} />;
  if (view === 'asistencia') return <AttendanceScreen workshopId={id} />;
  if (view === 'resumen') return <WorkshopReport workshopId={id} />;
  if (view === 'constancia' && item) return <CertificateSheet workshopId={id} certificateId={item} />;
  return <WorkshopDetail workshopId={id} />;
}
