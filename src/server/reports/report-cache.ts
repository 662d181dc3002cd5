/**
 * Keeps built national reports in this process while nothing changed: every write to a synced
 * table takes a value of the one global version counter, so a report built at counter N is still
 * true while the counter reads N — on the same Lima day, and for at most a few minutes (what is
 * held or overdue moves with the clock). Several server processes each keep their own; none can
 * serve a report older than the data it read.
 */
import type { NationalReport } from '../../shared/schemas/national-report';

const TTL_MS = 5 * 60 * 1000;
const MAX_ENTRIES = 64;
const LIMA_OFFSET_MS = 5 * 60 * 60 * 1000;

interface Entry {
  version: number;
  builtAtMs: number;
  report: NationalReport;
}

/** A cache of reports by query. */
export interface ReportCache {
  /** The cached report of `key` built at `version` and still fresh at `nowMs`, else a new one from `build`. */
  read(key: string, version: number, nowMs: number, build: () => Promise<NationalReport>): Promise<NationalReport>;
}

function limaDay(ms: number): number {
  return Math.floor((ms - LIMA_OFFSET_MS) / 86_400_000);
}

/** An empty cache. */
export function createReportCache(): ReportCache {
  const entries = new Map<string, Entry>();
  return {
    async read(key, version, nowMs, build) {
      const entry = entries.get(key);
      const isFresh = entry && entry.version === version && nowMs - entry.builtAtMs < TTL_MS && limaDay(entry.builtAtMs) === limaDay(nowMs);
      if (entry && isFresh) return entry.report;
      const report = await build();
      entries.delete(key);
      entries.set(key, { version, builtAtMs: nowMs, report });
      // Oldest first in a Map: drop the least recently built beyond the limit.
      for (const oldest of entries.keys()) {
        if (entries.size <= MAX_ENTRIES) break;
        entries.delete(oldest);
      }
      return report;
    },
  };
}
