/**
 * Catalogue rows for component tests, seeded straight into the device's `tinkuy-catalogue`
 * tables as a pull would leave them, and the app's router around a screen.
 */
import type { ComponentChildren, ComponentType } from 'preact';
import { configure } from '@testing-library/preact';
import { vi } from 'vitest';
import { LocationProvider, Route, Router } from 'preact-iso';
import { resolve } from 'node:path';
import { compileCatalogue } from '../../../src/content/compiler/compile-catalogue';
import type { Databases } from '../../../src/db/connection';
import type { Catalogue, ChecklistTemplate, Entry } from '../../../src/shared/catalogue';

// Six people share two cores: a loaded machine must not turn a slow IndexedDB into a failure.
configure({ asyncUtilTimeout: 8_000 });
vi.setConfig({ testTimeout: 30_000 });

let realCatalogue: Catalogue | undefined;

/** The real catalogue compiled from src/content (once per file). */
export function readRealCatalogue(): Catalogue {
  realCatalogue ??= compileCatalogue(resolve(__dirname, '../../../src/content'));
  return realCatalogue;
}

/** An entry with every field filled; `overrides` win. */
export function makeEntry(overrides: Partial<Entry> & { id: string }): Entry {
  return {
    kind: 'guia',
    topic: 'planificacion',
    title: `Entrada ${overrides.id}`,
    summary: 'Resumen breve.',
    levels: ['distrital'],
    tags: [],
    sources: [{ norm: 'Ley 27972', title: 'Ley Orgánica de Municipalidades' }],
    reviewed: '2026-11-29',
    related: [],
    body: [{ type: 'paragraph', inlines: [{ type: 'text', value: 'Texto.' }] }],
    toc: [],
    searchText: `Entrada ${overrides.id}\nResumen breve.\nTexto.`,
    version: 'hash',
    ...overrides,
  };
}

/** Writes entries and templates as a pull would (their own `version` kept, the change's as `syncVersion`). */
export async function seedCatalogue(dbs: Databases, entries: Entry[], templates: ChecklistTemplate[] = []): Promise<void> {
  let syncVersion = 1;
  await dbs.catalogue.entries.bulkPut(entries.map((entry) => ({ ...entry, syncVersion: syncVersion++ })));
  await dbs.catalogue.checklistTemplates.bulkPut(templates.map((template) => ({ ...template, syncVersion: syncVersion++ })));
}

/** A screen inside the app's router at `path`, with the catalogue's routes. */
export function RoutedApp({ path, routes }: { path: string; routes: Record<string, ComponentType> }): ComponentChildren {
  history.replaceState(null, '', path);
  return (
    <LocationProvider>
      <Router>
        {Object.entries(routes).map(([routePath, component]) => (
          <Route key={routePath} path={routePath} component={component} />
        ))}
      </Router>
    </LocationProvider>
  );
}
