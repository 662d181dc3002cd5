import { PlaceholderScreen } from '../shell/placeholder-screen';

/** Catálogo: guides, tools and checklists of the RED (placeholder until the catalogue lands). */
export function CatalogueScreen() {
  return <PlaceholderScreen title="nav.catalogue" body="shell.placeholder.catalogue" icon="catalogue" />;
}
