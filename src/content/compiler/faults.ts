/** A content fault: where it is (file and 1-based line) and what to fix, in Spanish. */
export interface Fault {
  file: string;
  line: number;
  message: string;
}

/** One fault as `file:line: message`, the form editors and terminals make clickable. */
export function formatFault(fault: Fault): string {
  return `${fault.file}:${fault.line}: ${fault.message}`;
}

/** Thrown when the catalogue has faults; carries all of them, not just the first. */
export class CatalogueFaultsError extends Error {
  readonly faults: Fault[];

  constructor(faults: Fault[]) {
    const noun = faults.length === 1 ? 'error' : 'errores';
    super(`El catálogo tiene ${faults.length} ${noun}:\n${faults.map(formatFault).join('\n')}`);
    this.name = 'CatalogueFaultsError';
    this.faults = faults;
  }
}
