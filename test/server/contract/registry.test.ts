import { describe, expect, it } from 'vitest';
import { findMutation } from '../../../src/server/sync/registry';
import { MUTATIONS } from '../../../src/shared/mutations';

const SCHEMAS: Record<string, Record<number, unknown>> = Object.fromEntries(Object.entries(MUTATIONS).map(([name, m]) => [name, m.versions]));

describe('the server mutation registry', () => {
  it.each(['event.save', 'event.archive', 'checklist.start', 'checklist.setItem', 'checklist.addItem'])(
    'handles %s v1 with the shared args schema',
    (name) => {
      const found = findMutation(name, 1);
      expect(typeof found).toBe('object');
      if (typeof found === 'object') expect(found.schema).toBe(SCHEMAS[name]![1]);
    },
  );

  const shared = Object.entries(SCHEMAS).flatMap(([name, versions]) => Object.keys(versions).map((v) => ({ name, version: Number(v) })));

  // A change the shared contract allows is never refused as unknown: without a handler the
  // batch waits (426) for a server that has one.
  it.each(shared)('never refuses $name v$version as unknown', ({ name, version }) => {
    expect(findMutation(name, version)).not.toBe('unknown_mutation');
  });

  it('tells a name outside the contract from a version this server cannot apply', () => {
    expect(findMutation('event.teleport', 1)).toBe('unknown_mutation');
    expect(findMutation('__proto__', 1)).toBe('unknown_mutation');
    expect(findMutation('event.save', 99)).toBe('unknown_version');
  });
});
