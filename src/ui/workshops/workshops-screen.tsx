import { PlaceholderScreen } from '../shell/placeholder-screen';

/** Talleres: RED workshops, attendance and feedback (placeholder until workshops land). */
export function WorkshopsScreen() {
  return <PlaceholderScreen title="nav.workshops" body="shell.placeholder.workshops" icon="workshops" />;
}
