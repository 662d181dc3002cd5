/**
 * Small integers for the keys the national report counts once (a person, an entity), so counting
 * tens of thousands of records is flipping bytes in an array rather than hashing strings. A key is
 * forgotten as soon as no record holds it: an erased person's key does not stay in memory.
 */

/** Keys to numbers `0…size-1`, counted by how many records hold each. */
export interface KeyDictionary {
  /** The number of `key`, held once more. */
  intern(key: string): number;
  /** One record fewer holds `id`; the key is forgotten when none does. */
  release(id: number): void;
  /** One more than the highest number handed out (numbers are reused after release). */
  readonly size: number;
}

/** An empty dictionary. */
export function createKeyDictionary(): KeyDictionary {
  const ids = new Map<string, number>();
  const keys: (string | undefined)[] = [];
  const holders: number[] = [];
  const free: number[] = [];
  return {
    intern(key) {
      let id = ids.get(key);
      if (id === undefined) {
        id = free.pop() ?? keys.length;
        ids.set(key, id);
        keys[id] = key;
        holders[id] = 0;
      }
      holders[id]! += 1;
      return id;
    },
    release(id) {
      holders[id]! -= 1;
      if (holders[id] === 0) {
        ids.delete(keys[id]!);
        keys[id] = undefined;
        free.push(id);
      }
    },
    get size() {
      return keys.length;
    },
  };
}
