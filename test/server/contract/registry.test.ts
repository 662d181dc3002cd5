import { describe, expect, it } from 'vitest';
import { findMutation } from '../../../src/server/sync/registry';
import { MUTATION_SCHEMAS } from '../../../src/shared/mutations';

describe('the server mutation registry', () => {
  const shared = Object.entries(MUTATION_SCHEMAS).flatMap(([name, versions]) =>
    Object.keys(versions).map((version) => ({ name, version: Number(version) })),
  );

  // A shared schema without a server handler would reject the device's changes as unknown.
  it.each(shared)('handles $name v$version, which the shared contract lets devices send', ({ name, version }) => {
    const found = findMutation(name, version);
    expect(typeof found).toBe('object');
    if (typeof found === 'object') expect(found.schema).toBe((MUTATION_SCHEMAS as Record<string, Record<number, unknown>>)[name]![version]);
  });

  it('tells an unknown name from a newer version of a known one', () => {
    expect(findMutation('event.teleport', 1)).toBe('unknown_mutation');
    expect(findMutation('event.save', 99)).toBe('unknown_version');
    expect(findMutation('__proto__', 1)).toBe('unknown_mutation');
  });
});
