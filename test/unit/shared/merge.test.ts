import { describe, expect, it } from 'vitest';
import { mergeFields, shouldTakeIncoming, type FieldState } from '../../../src/shared/merge';

type Item = { done: boolean; note: string; responsible: string };
const h = (ms: number, counter = 0, client = 'a') => `${String(ms).padStart(15, '0')}:${String(counter).padStart(4, '0')}:${client}`;
const empty: FieldState<Item> = { values: {}, fieldHlc: {} };
const state = (values: Partial<Item>, stamp: string): FieldState<Item> => ({
  values,
  fieldHlc: Object.fromEntries(Object.keys(values).map((k) => [k, stamp])) as FieldState<Item>['fieldHlc'],
});

describe('merge rules: last writer wins per field, by HLC', () => {
  it.each([
    ['an empty field takes any write', undefined, h(1), true],
    ['a newer stamp wins', h(1), h(2), true],
    ['an older stamp loses', h(2), h(1), false],
    ['the same stamp again is a replay and changes nothing', h(2), h(2), false],
    ['same millisecond: the higher counter wins', h(2, 1), h(2, 2), true],
    ['same time and counter: the device id breaks the tie', h(2, 1, 'a'), h(2, 1, 'b'), true],
  ])('%s', (_label, current, incoming, expected) => {
    expect(shouldTakeIncoming(current, incoming)).toBe(expected);
  });

  it.each([
    ['a patch fills an empty item', empty, { done: true }, h(1), { done: true }, true],
    ['a newer patch replaces only its own fields', state({ done: true, note: 'a' }, h(1)), { note: 'b' }, h(2), { done: true, note: 'b' }, true],
    ['an older patch is ignored field by field', state({ note: 'nuevo' }, h(5)), { note: 'viejo', responsible: 'Rosa' }, h(3), { note: 'nuevo', responsible: 'Rosa' }, true],
    ['a replayed patch changes nothing', state({ done: true }, h(4)), { done: true }, h(4), { done: true }, false],
  ] as const)('%s', (_label, before, patch, stamp, values, changed) => {
    const result = mergeFields<Item>(before, patch, stamp);
    expect(result.state.values).toEqual(values);
    expect(result.changed).toBe(changed);
  });

  it.each([
    ['two devices, same field', { note: 'A' }, h(10, 0, 'a'), { note: 'B' }, h(10, 0, 'b')],
    ['two devices, overlapping fields', { note: 'A', done: true }, h(11), { done: false, responsible: 'Luz' }, h(12)],
    ['one device far behind', { done: true }, h(1), { done: false, note: 'tarde' }, h(99)],
  ] as const)('swapping the order of two patches converges: %s', (_label, p1, s1, p2, s2) => {
    const oneThenTwo = mergeFields<Item>(mergeFields<Item>(empty, p1, s1).state, p2, s2).state;
    const twoThenOne = mergeFields<Item>(mergeFields<Item>(empty, p2, s2).state, p1, s1).state;
    expect(twoThenOne).toEqual(oneThenTwo);
  });

  it('does not modify the state it was given', () => {
    const before = state({ note: 'a' }, h(1));
    const copy = structuredClone(before);
    mergeFields<Item>(before, { note: 'b' }, h(2));
    expect(before).toEqual(copy);
  });
});
