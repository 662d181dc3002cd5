/**
 * A form's draft kept in this tab's sessionStorage, so a reload (or Android killing the app)
 * never loses what was typed. Every storage call is guarded: private modes, blocked storage and
 * a full quota all throw, and then the draft simply lives on screen only — nothing else breaks.
 * Offline nothing changes: sessionStorage is on the phone.
 */

/** Load, keep and forget the draft of one kind of form, by form key (`nuevo`, an id, `t:<code>`…). */
export interface SessionDraft<T> {
  /** The draft kept for `key` over an empty one (fields added since fill in), or undefined. */
  load(key: string): T | undefined;
  /** Keeps `draft` for a reload in this tab; silently skipped when storage refuses. */
  keep(key: string, draft: T): void;
  /** Forgets the draft once saved or thrown away. */
  forget(key: string): void;
}

function openStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined; // blocked: reading the property itself throws in some private modes
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The session draft of one form kind, stored under `prefix + key`. */
export function createSessionDraft<T extends object>(prefix: string, makeEmpty: () => T): SessionDraft<T> {
  return {
    load(key) {
      try {
        const raw = openStorage()?.getItem(prefix + key);
        if (!raw) return undefined;
        const parsed: unknown = JSON.parse(raw);
        return isRecord(parsed) ? { ...makeEmpty(), ...(parsed as Partial<T>) } : undefined;
      } catch {
        return undefined; // unreadable or blocked: start from the record or an empty form
      }
    },
    keep(key, draft) {
      try {
        openStorage()?.setItem(prefix + key, JSON.stringify(draft));
      } catch {
        // Full or blocked storage: the text stays on screen; only a reload would lose it.
      }
    },
    forget(key) {
      try {
        openStorage()?.removeItem(prefix + key);
      } catch {
        // Blocked storage kept nothing, so there is nothing to forget.
      }
    },
  };
}
