/**
 * What the Markdown walk carries: the file, where in the source it is (so each fault names its
 * line), the faults found, the internal links to check once every entry is known, and the
 * heading ids already used.
 */
import type { Fault } from './faults';
import type { ResolvedToken } from './valores-source';

/** An `entrada:<id>` link and the line it sits on. */
export interface InternalLink {
  id: string;
  line: number;
}

/** State of one body's compilation. */
export class BodyContext {
  readonly faults: Fault[] = [];
  readonly links: InternalLink[] = [];
  private readonly headingIds = new Set<string>();
  private readonly faultKeys = new Set<string>();
  private cursor = 0;

  constructor(
    private readonly file: string,
    private readonly source: string,
    private readonly firstLine: number,
    /** The body's yearly values, in the order their placeholders number them. */
    readonly valores: readonly ResolvedToken[] = [],
    /** The year whose amounts the compiled text carries for apps that cannot pick their own. */
    readonly year: number = new Date().getFullYear(),
  ) {}

  /**
   * The line of a token, found by searching its first line forward from the last token found.
   * Tokens are visited in document order, so the search only moves forward.
   */
  locate(raw: string | undefined): number {
    const probe = (raw ?? '').split('\n').map((l) => l.trim()).find((l) => l.length > 0);
    if (probe) {
      const at = this.source.indexOf(probe, this.cursor);
      if (at >= 0) this.cursor = at;
    }
    return this.lineAt(this.cursor);
  }

  /** Records a fault at `line`. */
  fault(line: number, message: string): void {
    this.faults.push({ file: this.file, line, message });
  }

  /** Records a fault of `kind` once per line (`<b>x</b>` is one fault, not two). */
  faultOncePerLine(kind: string, line: number, message: string): void {
    const key = `${kind}:${line}`;
    if (this.faultKeys.has(key)) return;
    this.faultKeys.add(key);
    this.fault(line, message);
  }

  /** Records an internal link to check later. */
  linkTo(id: string, line: number): void {
    this.links.push({ id, line });
  }

  /** A heading id unique within the entry, made from its text. */
  claimHeadingId(text: string): string {
    const base = slugify(text) || 'seccion';
    let id = base;
    for (let n = 2; this.headingIds.has(id); n++) id = `${base}-${n}`;
    this.headingIds.add(id);
    return id;
  }

  private lineAt(offset: number): number {
    let line = this.firstLine;
    for (let i = this.source.indexOf('\n'); i >= 0 && i < offset; i = this.source.indexOf('\n', i + 1)) line++;
    return line;
  }
}

/** "Cómo tramitar la ITSE" → "como-tramitar-la-itse". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
