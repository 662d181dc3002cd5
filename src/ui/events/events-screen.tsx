import { PlaceholderScreen } from '../shell/placeholder-screen';

/** Eventos: the manager's own events and their checklists (placeholder until events land). */
export function EventsScreen() {
  return <PlaceholderScreen title="nav.events" body="shell.placeholder.events" icon="events" />;
}
