import { signal, type ReadonlySignal } from '@preact/signals';
import { requestJson as callApi } from '../sync/api-client';
import type {
  EntrySourceResponse,
  EntrySummary,
  EntryVersionInfo,
  EntryVersionResponse,
  PreviewResponse,
  PublishResponse,
  SourceFault,
} from '../shared/catalogue/publishing';
import { createSessionDraft } from './session-draft';
import { syncNow } from './sync-model';
import { t } from '../shared/i18n/editor';

/**
 * The coordinador's catalogue editor. It works ONLY online: every read, preview and publish is
 * a request to the server, which compiles with the build's own compiler. The draft being typed
 * is kept in sessionStorage on every keystroke, so a reload (or a dropped connection) loses
 * nothing; it is discarded only once published or on the person's word.
 */

/** The entry open in the editor: `baseVersion` null means a new entry. */
export interface OpenEntry {
  id: string;
  baseVersion: number | null;
  publishedSource: string;
  history: EntryVersionInfo[];
}

/** Where a publish stands. */
export type PublishState =
  | { kind: 'idle' }
  | { kind: 'publishing' }
  | { kind: 'published'; id: string; version: number; edition: number }
  | { kind: 'refused'; message: string; isConflict: boolean };

const entries = signal<EntrySummary[] | null>(null);
const open = signal<OpenEntry | null>(null);
const draft = signal('');
const restored = signal(false);
const preview = signal<PreviewResponse | null>(null);
const publishing = signal<PublishState>({ kind: 'idle' });
const viewed = signal<EntryVersionResponse | null>(null);
const failure = signal<string | null>(null);

/** Entries on the server (null until loaded). */
export const editorEntries: ReadonlySignal<EntrySummary[] | null> = entries;
/** The entry being edited. */
export const openEntry: ReadonlySignal<OpenEntry | null> = open;
/** The Markdown being typed. */
export const draftSource: ReadonlySignal<string> = draft;
/** True when the draft came back from this tab's storage, unpublished. */
export const isDraftRestored: ReadonlySignal<boolean> = restored;
/** The last preview: the compiled entry, or the faults with their lines. */
export const draftPreview: ReadonlySignal<PreviewResponse | null> = preview;
/** Where the publish stands. */
export const publishState: ReadonlySignal<PublishState> = publishing;
/** An older version opened from the history. */
export const viewedVersion: ReadonlySignal<EntryVersionResponse | null> = viewed;
/** The last failure to read from the server, in Spanish. */
export const editorFailure: ReadonlySignal<string | null> = failure;

/** A new entry's starting text: the front matter every entry needs. */
export const NEW_ENTRY_TEMPLATE = [
  '---', 'id: nueva-entrada', 'kind: guia', 'topic: planificacion', 'title: ', 'summary: ', 'levels: [distrital]',
  'tags: []', 'sources:', '  - norm: ', '    title: ', `reviewed: ${new Date().toISOString().slice(0, 10)}`, '---', '', `## ${t('editor.newEntry.firstStep')}`, '', '',
].join('\n');

/** The draft of an entry as this tab keeps it: the text and the version it was written against. */
interface EditorDraft {
  source: string;
  baseVersion: number | null;
}

const editorDrafts = createSessionDraft<EditorDraft>('tinkuy.editor.draft.', () => ({ source: '', baseVersion: null }));

/** Loads the list of entries (online). */
export async function loadEditorEntries(): Promise<void> {
  failure.value = null;
  const result = await callApi<{ entries: EntrySummary[] }>('/api/catalogue/entries');
  if (result.ok) entries.value = result.body.entries;
  else failure.value = result.message;
}

function startEditing(entry: OpenEntry): void {
  const stored = editorDrafts.load(entry.id);
  const isRestored = stored !== undefined && stored.source !== entry.publishedSource;
  // A kept draft stays based on the version it was written against: if someone published
  // since, the publish is refused (409) instead of silently overwriting their work.
  open.value = isRestored && stored ? { ...entry, baseVersion: stored.baseVersion } : entry;
  restored.value = isRestored;
  draft.value = isRestored && stored ? stored.source : entry.publishedSource;
  // Reopening what was just published (a new entry moving to its own id) keeps the confirmation.
  const last = publishing.value;
  if (!(last.kind === 'published' && last.id === entry.id)) publishing.value = { kind: 'idle' };
  preview.value = null;
  viewed.value = null;
  void checkDraft();
}

/** Opens entry `id` with its published source (or this tab's unpublished draft of it). */
export async function openEditorEntry(id: string): Promise<void> {
  failure.value = null;
  open.value = null;
  const result = await callApi<EntrySourceResponse>(`/api/catalogue/entries/${encodeURIComponent(id)}/source`);
  if (!result.ok) {
    failure.value = result.message;
    return;
  }
  const { source, version, history } = result.body;
  startEditing({ id, baseVersion: version, publishedSource: source, history });
}

/**
 * Offline: reopens this tab's draft of `id`, if there is one, so the person can keep writing;
 * returns false when there is none. Checking and publishing wait for the connection.
 */
export function openStoredDraft(id: string): boolean {
  const stored = editorDrafts.load(id);
  if (!stored) return false;
  open.value = { id, baseVersion: stored.baseVersion, publishedSource: '', history: [] };
  restored.value = true;
  draft.value = stored.source;
  return true;
}

/** Starts a new entry from the front matter template (kept as a draft under `nueva`). */
export function openNewEntry(): void {
  failure.value = null;
  startEditing({ id: 'nueva', baseVersion: null, publishedSource: NEW_ENTRY_TEMPLATE, history: [] });
}

let previewTimer: ReturnType<typeof setTimeout> | undefined;

/** Keeps what was typed (sessionStorage) and checks it again after a short pause. */
export function editDraft(source: string): void {
  draft.value = source;
  const entry = open.value;
  if (!entry) return;
  editorDrafts.keep(entry.id, { source, baseVersion: entry.baseVersion });
  if (publishing.value.kind !== 'publishing') publishing.value = { kind: 'idle' };
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => void checkDraft(), 600);
}

/** Asks the server to compile the draft; its faults come back with line numbers. */
export async function checkDraft(): Promise<void> {
  const source = draft.value;
  if (!source.trim()) return;
  const result = await callApi<PreviewResponse>('/api/catalogue/preview', { method: 'POST', body: JSON.stringify({ source }) });
  if (source !== draft.value) return; // typed on meanwhile: a newer check follows
  preview.value = result.ok ? result.body : { faults: readFaults(result.body) ?? [{ line: 1, message: result.message }] };
}

function readFaults(body: unknown): SourceFault[] | undefined {
  const faults = (body as { faults?: unknown } | undefined)?.faults;
  return Array.isArray(faults) ? (faults as SourceFault[]) : undefined;
}

/** The id a new entry will take: the one its front matter names. */
function readDraftId(entry: OpenEntry, source: string): string {
  if (entry.baseVersion !== null) return entry.id;
  return /^id:\s*["']?([a-z0-9-]+)["']?\s*$/m.exec(source)?.[1] ?? entry.id;
}

/** Publishes the draft over the version it was based on; a newer one on the server is refused (409). */
export async function publishDraft(): Promise<void> {
  const entry = open.value;
  if (!entry || publishing.value.kind === 'publishing') return;
  const source = draft.value;
  const id = readDraftId(entry, source);
  publishing.value = { kind: 'publishing' };
  const result = await callApi<PublishResponse>(`/api/catalogue/entries/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: JSON.stringify({ source, baseVersion: entry.baseVersion }),
  });
  if (!result.ok) {
    const faults = readFaults(result.body);
    if (faults) preview.value = { faults };
    publishing.value = { kind: 'refused', message: result.message, isConflict: result.status === 409 };
    return;
  }
  editorDrafts.forget(entry.id);
  const { version, edition, publishedAt } = result.body;
  const fresh = await callApi<EntrySourceResponse>(`/api/catalogue/entries/${encodeURIComponent(id)}/source`);
  const history = fresh.ok ? fresh.body.history : [{ version, edition, publishedAt, publishedBy: '' }, ...entry.history];
  open.value = { id, baseVersion: version, publishedSource: source, history };
  restored.value = false;
  publishing.value = { kind: 'published', id, version, edition };
  entries.value = null;
  // This device's catalogue takes the new version at once; the others at their next pull.
  void syncNow();
}

/** Throws the draft away and reopens the published text (and its version) from the server. */
export async function discardDraft(): Promise<void> {
  const entry = open.value;
  if (!entry) return;
  editorDrafts.forget(entry.id);
  if (entry.id === 'nueva') openNewEntry();
  else await openEditorEntry(entry.id);
}

/** Opens an older version's source from the history (read only). */
export async function viewVersion(version: number): Promise<void> {
  const entry = open.value;
  if (!entry) return;
  const result = await callApi<EntryVersionResponse>(`/api/catalogue/entries/${encodeURIComponent(entry.id)}/history/${version}`);
  if (result.ok) viewed.value = result.body;
  else failure.value = result.message;
}

/** Closes the older version. */
export function closeVersion(): void {
  viewed.value = null;
}
