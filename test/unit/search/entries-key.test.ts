import { describe, expect, it } from 'vitest';
import { describeEntries } from '../../../src/state/search-model';

describe('the cached search index key', () => {
  it('follows the entries\' content hashes, not the version of the pull that brought them', () => {
    const pulled = [{ id: 'a', version: 'h1', syncVersion: 4 }, { id: 'b', version: 'h2', syncVersion: 5 }];
    const pulledAgain = [{ id: 'b', version: 'h2', syncVersion: 90 }, { id: 'a', version: 'h1', syncVersion: 91 }];
    const before = describeEntries(pulled);
    // The same content pulled again (a v1 device re-pulling from 0) keeps the cached index.
    expect(describeEntries(pulledAgain)).toBe(before);
    // A changed entry, a new one or a missing hash builds it again.
    expect(describeEntries([{ id: 'a', version: 'h1' }, { id: 'b', version: 'h3' }])).not.toBe(before);
    expect(describeEntries([{ id: 'a', version: 'h1' }, { id: 'b', version: 'h2' }, { id: 'c', version: 'h4' }])).not.toBe(before);
    expect(describeEntries([{ id: 'a', version: 'h1' }, { id: 'b' }])).not.toBe(before);
  });
});
