import type { ComponentType } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useSignal, type Signal } from '@preact/signals';
import { LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { watchConnection } from '../state/app-model';
import { watchInstallPrompt } from '../state/install-model';
import { TopBar } from './shell/top-bar';
import { BottomNav } from './shell/bottom-nav';
import { UpdateSlot } from './shell/update-slot';
import { focusScreenHeading } from './shell/screen-header';
import { LoadErrorScreen, NotFoundScreen, RouteLoading } from './shell/status-screens';
import { HomeScreen } from './home/home-screen';
import './shell/shell.css';
import { t } from '../shared/i18n';

/**
 * A section loaded on first visit as its own chunk. The service worker precaches every chunk,
 * so offline this resolves from the cache; if it still fails, a Spanish error screen shows.
 */
function lazyScreen(load: () => Promise<ComponentType>): ComponentType {
  return lazy(() => load().catch(() => LoadErrorScreen));
}

// The catalogue: its home, the reader, a template.
const CatalogueScreen = lazyScreen(() => import('./catalogue/catalogue-screen').then((m) => m.CatalogueScreen));
const ReaderScreen = lazyScreen(() => import('./catalogue/reader-screen').then((m) => m.ReaderScreen));
const TemplateScreen = lazyScreen(() => import('./catalogue/template-screen').then((m) => m.TemplateScreen));
// Events and workshops, and a participant's own door to a workshop (/t/<CÓDIGO>).
const EventsScreen = lazyScreen(() => import('./events/events-screen').then((m) => m.EventsScreen));
const WorkshopsScreen = lazyScreen(() => import('./workshops/workshops-screen').then((m) => m.WorkshopsScreen));
const ParticipantScreen = lazyScreen(() => import('./participant/participant-screen').then((m) => m.ParticipantScreen));
// Anyone verifies a constancia from its QR or link (/v/<CÓDIGO>).
const VerifyScreen = lazyScreen(() => import('./participant/verify-screen').then((m) => m.VerifyScreen));
// Más and the screens inside it.
const MoreScreen = lazyScreen(() => import('./more/more-screen').then((m) => m.MoreScreen));
const StorageScreen = lazyScreen(() => import('./more/storage-screen').then((m) => m.StorageScreen));
const SyncRoute = lazyScreen(() => import('./more/sync-route').then((m) => m.SyncRoute));
const AccountRoute = lazyScreen(() => import('./more/account-route').then((m) => m.AccountRoute));
const AboutScreen = lazyScreen(() => import('./more/about-screen').then((m) => m.AboutScreen));
const EditorScreen = lazyScreen(() => import('./editor/editor-screen').then((m) => m.EditorScreen));
const NationalScreen = lazyScreen(() => import('./national/national-screen').then((m) => m.NationalScreen));
const AdminScreen = lazyScreen(() => import('./admin/admin-screen').then((m) => m.AdminScreen));

/**
 * The whole app: the frame (bars, prompt) around the routed screen. Inicio ships in the main chunk.
 * `isFrameOnly` leaves <main> empty: the build prerenders that frame for deep links (the screen's
 * own content comes with the JavaScript), and Inicio in full for `/` (src/ui/shell-pages.tsx).
 */
export function App({ isFrameOnly = false }: { isFrameOnly?: boolean }) {
  useEffect(() => {
    watchConnection();
    watchInstallPrompt();
  }, []);
  return (
    <LocationProvider>
      <Frame isFrameOnly={isFrameOnly} />
    </LocationProvider>
  );
}

function Frame({ isFrameOnly }: { isFrameOnly: boolean }) {
  const { path, url } = useLocation();
  // The prerendered frame (a deep link's page before the JavaScript arrives) says its screen is on the way.
  const isLoading = useSignal(isFrameOnly);
  // A participant's own door (the QR link) and a constancia's verification show no staff navigation and no sync pill.
  const isParticipant = path.startsWith('/t/') || path.startsWith('/v/');
  useFocusOnNavigation(path, url);
  return (
    <div class={isParticipant ? 'app app--participant' : 'app'}>
      <a class="skip-link" href="#main">
        {t('shell.skipLink')}
      </a>
      <TopBar isParticipant={isParticipant} />
      <LoadingLine isLoading={isLoading} />
      <main id="main" tabIndex={-1}>
        {!isFrameOnly && <Routes isLoading={isLoading} />}
      </main>
      <div class="update-slot" aria-live="polite">
        <UpdateSlot />
      </div>
      {!isParticipant && <BottomNav path={path} />}
    </div>
  );
}

/** Every address the app answers, each with its screen (lazy but for Inicio and the status screens). */
function Routes({ isLoading }: { isLoading: Signal<boolean> }) {
  return (
    <Router
      onLoadStart={() => (isLoading.value = true)}
      onLoadEnd={() => (isLoading.value = false)}
    >
      <Route path="/" component={HomeScreen} />
      <Route path="/catalogo" component={CatalogueScreen} />
      <Route path="/catalogo/plantillas/:id" component={TemplateScreen} />
      <Route path="/catalogo/:id" component={ReaderScreen} />
      <Route path="/eventos" component={EventsScreen} />
      <Route path="/eventos/*" component={EventsScreen} />
      <Route path="/talleres" component={WorkshopsScreen} />
      <Route path="/talleres/*" component={WorkshopsScreen} />
      <Route path="/t/*" component={ParticipantScreen} />
      <Route path="/v/:code" component={VerifyScreen} />
      <Route path="/mas" component={MoreScreen} />
      <Route path="/mas/almacenamiento" component={StorageScreen} />
      <Route path="/mas/sincronizacion" component={SyncRoute} />
      <Route path="/mas/cuenta" component={AccountRoute} />
      <Route path="/mas/acerca" component={AboutScreen} />
      <Route path="/mas/editor" component={EditorScreen} />
      <Route path="/mas/editor/*" component={EditorScreen} />
      <Route path="/mas/panorama" component={NationalScreen} />
      <Route path="/mas/administracion" component={AdminScreen} />
      <Route path="/mas/administracion/*" component={AdminScreen} />
      <Route default component={NotFoundScreen} />
    </Router>
  );
}

/**
 * Every change of path (sections, and sub-screens that nested routers draw) moves focus to the
 * new screen's heading; a change of query only when focus fell off the page (a catalogue topic
 * replaced the link followed), never from a search box being typed in. The first screen keeps
 * the browser's own start, so the skip link is first.
 */
function useFocusOnNavigation(path: string, url: string): void {
  const previous = useRef({ path, url });
  useEffect(() => {
    const before = previous.current;
    if (before.url === url) return;
    previous.current = { path, url };
    focusScreenHeading(before.path === path ? 'ifLost' : 'take');
  }, [url]);
}

function LoadingLine({ isLoading }: { isLoading: Signal<boolean> }) {
  return <RouteLoading isLoading={isLoading.value} />;
}
