import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionDraft } from '../../../src/state/session-draft';

/** A Map-backed Storage; `fail` makes every call throw as private modes and a full quota do. */
function fakeStorage(fail: 'none' | 'all' = 'none'): Storage {
  const items = new Map<string, string>();
  const guard = <T>(run: () => T): T => {
    if (fail === 'all') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return run();
  };
  return {
    get length() { return items.size; },
    clear: () => guard(() => items.clear()),
    getItem: (key) => guard(() => items.get(key) ?? null),
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => guard(() => void items.delete(key)),
    setItem: (key, value) => guard(() => void items.set(key, value)),
  };
}

const drafts = createSessionDraft('tinkuy.test-draft.', () => ({ title: '', count: 0, tags: [] as string[] }));

afterEach(() => vi.unstubAllGlobals());

describe('a form draft kept in sessionStorage', () => {
  it('keeps, loads over an empty draft (fields added since fill in) and forgets, per key', () => {
    const storage = fakeStorage();
    vi.stubGlobal('sessionStorage', storage);
    drafts.keep('nuevo', { title: 'Festival', count: 3, tags: ['música'] });
    storage.setItem('tinkuy.test-draft.older', JSON.stringify({ title: 'Antes' }));
    expect(drafts.load('nuevo')).toEqual({ title: 'Festival', count: 3, tags: ['música'] });
    expect(drafts.load('older')).toEqual({ title: 'Antes', count: 0, tags: [] });
    expect(drafts.load('otro')).toBeUndefined();
    drafts.forget('nuevo');
    expect(drafts.load('nuevo')).toBeUndefined();
    expect(storage.getItem('tinkuy.test-draft.older')).not.toBeNull();
  });

  it.each([
    ['text that is not JSON', '{"title":'],
    ['JSON that is not an object', '["a"]'],
    ['null', 'null'],
  ])('a stored draft that is %s loads as none', (_, raw) => {
    const storage = fakeStorage();
    vi.stubGlobal('sessionStorage', storage);
    storage.setItem('tinkuy.test-draft.nuevo', raw);
    expect(drafts.load('nuevo')).toBeUndefined();
  });

  it('storage that throws on every call (private mode, full quota) never breaks the form', () => {
    vi.stubGlobal('sessionStorage', fakeStorage('all'));
    expect(() => drafts.keep('nuevo', { title: 'x', count: 1, tags: [] })).not.toThrow();
    expect(drafts.load('nuevo')).toBeUndefined();
    expect(() => drafts.forget('nuevo')).not.toThrow();
  });

  it('storage that cannot even be reached (the property throws) is the same as none', () => {
    Object.defineProperty(globalThis, 'sessionStorage', { configurable: true, get: () => { throw new DOMException('denied', 'SecurityError'); } });
    try {
      expect(() => drafts.keep('nuevo', { title: 'x', count: 1, tags: [] })).not.toThrow();
      expect(drafts.load('nuevo')).toBeUndefined();
      expect(() => drafts.forget('nuevo')).not.toThrow();
    } finally {
      delete (globalThis as { sessionStorage?: Storage }).sessionStorage;
    }
  });
});
