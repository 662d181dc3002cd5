/**
 * Vitest global setup for the e2e and bench projects: looks for Chromium once per run, prints
 * ONE loud line when it is missing, and fails the run when CI=true.
 */
import type { TestProject } from 'vitest/node';
import { CHROMIUM_MISSING_LINE, hasChromium, isCi } from './e2e-chromium';

/** Runs once before the e2e files; shares the skip reason with them through `inject`. */
export default function setupE2e(project: TestProject): void {
  if (hasChromium()) {
    project.provide('e2eSkipReason', '');
    return;
  }
  if (isCi()) throw new Error(`${CHROMIUM_MISSING_LINE} (CI=true: las pruebas e2e son obligatorias)`);
  console.warn(`\n\x1b[1;33m${CHROMIUM_MISSING_LINE}\x1b[0m\n`);
  project.provide('e2eSkipReason', CHROMIUM_MISSING_LINE);
}
