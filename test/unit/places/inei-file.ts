import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * INEI's 2025 directory, kept beside the repository (`../shared/data`), never inside it.
 * Tests that need it skip with this message when it is absent.
 */
export const ineiFilePath = path.resolve(repoRoot, '..', 'shared', 'data', 'ubigeo_inei_2025.csv');

/** Whether the real directory file is there to read. */
export const hasIneiFile = existsSync(ineiFilePath);

/** Why the real-file tests were skipped. */
export const skipReason = `Se omite: no está ${ineiFilePath} (copie shared/data junto al repositorio).`;

/** The real file's text, as the importer reads it. */
export function readIneiFile(): string {
  return readFileSync(ineiFilePath, 'utf8');
}
