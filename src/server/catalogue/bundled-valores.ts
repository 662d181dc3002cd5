/// <reference types="vite/client" />
/**
 * The yearly values (`src/content/valores.yaml`) the build compiled with, bundled into the server
 * so an entry published from the app resolves `{{valor:uit*8}}` exactly as the build does.
 */
import { parseValores, type ValorTable } from '../../content/compiler/valores-source';

// Inlined at build time (and by Vitest), like the entries' Markdown in catalogue-source.ts.
const FILES = import.meta.glob<string>('../../content/valores.yaml', { query: '?raw', import: 'default', eager: true });

let table: ValorTable | undefined;

/** The bundled table (parsed once); empty if the build had no valores.yaml. */
export function readBundledValores(): ValorTable {
  table ??= parseValores('valores.yaml', Object.values(FILES)[0] ?? '').table;
  return table;
}
