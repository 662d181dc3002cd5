/**
 * Which build of Tinkuy a phone runs and a server serves, so support can tell them apart:
 * «Acerca de» shows it and `GET /api/health` reports it (`build`). Made once per `vite build`
 * (src/server/build-info.ts) and written into the code; nothing here changes at run time.
 */

/** One build: the commit it came from (or a hash of its sources) and when it was built. */
export interface BuildInfo {
  /** `<commit>-<YYYYMMDD>.<HHMMSS>` in UTC, e.g. `4cf1559-20261206.045012`: short enough to read aloud. */
  id: string;
  /** The git commit's short hash, or `fuente-<hash>` of the sources where git was not there. */
  commit: string;
  /** When it was built, ISO UTC. */
  builtAt: string;
}

/** The build id of a commit built at `builtAt` (ISO UTC). */
export function makeBuildId(commit: string, builtAt: string): string {
  const digits = builtAt.replace(/\D/g, '');
  return `${commit}-${digits.slice(0, 8)}.${digits.slice(8, 14)}`;
}
