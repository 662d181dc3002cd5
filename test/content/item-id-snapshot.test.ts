import { describe, expect, it } from 'vitest';
import type { ChecklistTemplate } from '../../src/shared/catalogue';
import { findSnapshotBreaks, takeItemIdSnapshot } from './item-id-snapshot';

/** A one-section template with the given item ids. */
function template(id: string, version: number, itemIds: string[]): ChecklistTemplate {
  return { id, version, title: 'T', summary: 'S', proposeWhen: {}, sections: [{ id: 's', title: 'S', items: itemIds.map((i) => ({ id: i, text: 'x', dueDays: 1 })) }] };
}

const published = takeItemIdSnapshot([template('a', 1, ['a-1', 'a-2']), template('b', 2, ['b-1'])]);

describe('the published item id snapshot', () => {
  it.each([
    ['the same templates keep the promise', [template('a', 1, ['a-1', 'a-2']), template('b', 2, ['b-1'])], []],
    ['a new template may be added', [template('a', 1, ['a-1', 'a-2']), template('b', 2, ['b-1']), template('c', 1, ['c-1'])], []],
    ['a new item with a version bump is fine', [template('a', 2, ['a-1', 'a-2', 'a-3']), template('b', 2, ['b-1'])], []],
    ['a new item without a version bump breaks it', [template('a', 1, ['a-1', 'a-2', 'a-3']), template('b', 2, ['b-1'])], ['«a» cambió sus ítems: suba su version (publicada: 1).']],
    ['a dropped item breaks it even with a bump', [template('a', 2, ['a-1']), template('b', 2, ['b-1'])], ['El ítem publicado «a-2» desapareció de «a».']],
    ['a renamed item breaks it', [template('a', 2, ['a-1', 'a-2b']), template('b', 2, ['b-1'])], ['El ítem publicado «a-2» desapareció de «a».']],
    ['a dropped template breaks it', [template('a', 1, ['a-1', 'a-2'])], ['La plantilla publicada «b» desapareció.']],
  ])('%s', (_name, templates, expected) => {
    expect(findSnapshotBreaks(published, templates)).toEqual(expected);
  });
});
