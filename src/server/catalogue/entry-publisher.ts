/**
 * Publishing from the app: a coordinador's Markdown is compiled with the build's own compiler,
 * its internal links checked against the entries the store holds, and stored as a new version
 * (one number from the global counter) with a history row naming who and when. Devices receive
 * it at their next catalogue pull as exactly one change.
 */
import type { Kysely } from 'kysely';
import { hashOf } from '../../content/compiler/compile-catalogue';
import { compileEntry, type EntryDraft } from '../../content/compiler/compile-entry';
import { limaYear } from '../../shared/catalogue/valor-text';
import type { Entry } from '../../shared/catalogue/entry';
import type { EntrySummary, PreviewResponse, PublishResponse, SourceFault } from '../../shared/catalogue/publishing';
import type { AuthUser } from '../auth/sessions';
import type { Database } from '../store/schema';
import { runInTransaction } from '../store/transaction';
import { lockVersionCounter, nextVersion } from '../store/version';
import { readBundledValores } from './bundled-valores';
import { withCatalogueTables, type CatalogueDatabase } from './catalogue-tables';
import { countAllEditions, countEditions } from './entry-history';

/** What a publish came to: the new version, the faults that stopped it, or a stale base. */
export type PublishOutcome =
  | { kind: 'published'; answer: PublishResponse }
  | { kind: 'faults'; faults: SourceFault[] }
  | { kind: 'conflict'; currentVersion: number | null };

/** The id the draft's front matter names, if any (so a preview needs no separate id). */
export function readFrontMatterId(source: string): string | undefined {
  return /^id:\s*["']?([a-z0-9-]+)["']?\s*$/m.exec(source)?.[1];
}

async function listLiveIds(db: Kysely<CatalogueDatabase>): Promise<Set<string>> {
  const rows = await db.selectFrom('catalogue_entries').select('id').where('deleted', '=', 0).execute();
  return new Set(rows.map((row) => row.id));
}

/** The build speaks of files; in the app the "file name" is the entry being edited. */
function explainInApp(message: string, id: string): string {
  const renamed = /^El id «(.+)» debe ser igual al nombre del archivo/.exec(message);
  if (!renamed) return message;
  return `El id «${renamed[1]}» no coincide con la entrada que se edita («${id}»): el id de una entrada no se puede cambiar.`;
}

/**
 * The compiler refuses what it knows is too deep or too costly (aliases, nesting) with a fault;
 * a stack overflow on input nobody foresaw (in the Markdown lexer, say) is a fault too, for the editor's list, never a 500 (security report L3).
 */
function compileSafely(id: string, source: string): EntryDraft {
  try {
    return compileEntry(`${id}.md`, source, { valores: readBundledValores(), year: limaYear() });
  } catch (error) {
    // Only the stack running out is the input's fault; any other error is a bug and stays a 500 in the log.
    if (!(error instanceof RangeError)) throw error;
    const message = 'No se pudo leer la entrada: su estructura es demasiado compleja (niveles anidados o repeticiones). Simplifíquela.';
    return { entry: undefined, faults: [{ file: `${id}.md`, line: 1, message }], links: [], related: [] };
  }
}

/**
 * Compiles one draft as the build would (`<id>.md`), then checks every `entrada:` link and
 * `related` id against the live entries (the draft's own id counts as present).
 */
export async function compileDraft(db: Kysely<Database>, id: string, source: string): Promise<PreviewResponse> {
  const draft = compileSafely(id, source);
  const faults: SourceFault[] = draft.faults.map(({ line, message }) => ({ line, message: explainInApp(message, id) }));
  const ids = await listLiveIds(withCatalogueTables(db));
  ids.add(id);
  for (const link of draft.links) {
    if (!ids.has(link.id)) faults.push({ line: link.line, message: `El enlace interno apunta a una entrada que no existe: «${link.id}».` });
  }
  for (const rel of draft.related) {
    if (!ids.has(rel.id)) faults.push({ line: rel.line, message: `related: la entrada «${rel.id}» no existe.` });
  }
  if (faults.length > 0 || !draft.entry) return { faults: faults.sort((a, b) => a.line - b.line) };
  const entry: Entry = { ...draft.entry, version: hashOf(draft.entry) };
  return { entry, faults: [] };
}

/**
 * Publishes `source` as entry `id`. `baseVersion` is the version the coordinador opened (null
 * for a new entry): when someone else published in between, nothing is written and the current
 * version comes back, so the editor can say so instead of overwriting their work.
 */
export async function publishEntry(
  db: Kysely<Database>,
  engine: 'sqlite' | 'postgres',
  caller: Pick<AuthUser, 'id' | 'name'>,
  request: { id: string; source: string; baseVersion: number | null },
  nowIso: string,
): Promise<PublishOutcome> {
  return runInTransaction(db, async (plain) => {
    // 1: serialise with pushes and other publishers, then read what the store holds now.
    await lockVersionCounter(plain, engine);
    const trx = withCatalogueTables(plain);
    const stored = await trx.selectFrom('catalogue_entries').select(['version', 'deleted']).where('id', '=', request.id).executeTakeFirst();
    const currentVersion = stored && stored.deleted === 0 ? Number(stored.version) : null;
    if (currentVersion !== request.baseVersion) return { kind: 'conflict', currentVersion };
    // 2: compile against the live entries; faults stop here with nothing written.
    const compiled = await compileDraft(plain, request.id, request.source);
    if (!compiled.entry) return { kind: 'faults', faults: compiled.faults };
    // 3: one version for the row, one history line.
    const entry = compiled.entry;
    const version = await nextVersion(plain);
    const values = { hash: entry.version, row: JSON.stringify(entry), source: request.source, deleted: 0, version, updated_at: nowIso };
    if (stored) await trx.updateTable('catalogue_entries').set(values).where('id', '=', request.id).execute();
    else await trx.insertInto('catalogue_entries').values({ ...values, id: request.id, build_hash: null }).execute();
    await trx
      .insertInto('catalogue_entry_history')
      .values({ entry_id: request.id, version, hash: entry.version, source: request.source, published_at: nowIso, published_by: caller.id, published_by_name: caller.name })
      .execute();
    const edition = await countEditions(plain, request.id);
    return { kind: 'published', answer: { id: request.id, version, edition, publishedAt: nowIso, entry } };
  });
}

/** The live entries, by title, for the editor's list. */
export async function listEntrySummaries(db: Kysely<Database>): Promise<EntrySummary[]> {
  const rows = await withCatalogueTables(db)
    .selectFrom('catalogue_entries')
    .select(['id', 'row', 'version', 'updated_at'])
    .where('deleted', '=', 0)
    .execute();
  const editions = await countAllEditions(db);
  return rows
    .map((row) => {
      const entry = JSON.parse(row.row) as Entry;
      return { id: row.id, title: entry.title, kind: entry.kind, version: Number(row.version), edition: editions.get(row.id) ?? 1, updatedAt: row.updated_at };
    })
    .sort((a, b) => a.title.localeCompare(b.title, 'es'));
}
