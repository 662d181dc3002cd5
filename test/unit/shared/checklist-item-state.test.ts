import { describe, expect, it } from 'vitest';
import { makeExclusivePatch, settleItemState } from '../../../src/shared/checklist-item-state';

const A = '000001765000000000:0000:phone-a';
const B = '000001765000009000:0000:phone-b';

describe('«Hecho» or «No aplica», never both', () => {
  it.each([
    ['ticking «Hecho» clears «No aplica»', { done: true }, { done: true, notApplicable: false }],
    ['marking «No aplica» clears «Hecho»', { notApplicable: true, reason: 'Sin escenario' }, { notApplicable: true, reason: 'Sin escenario', done: false }],
    ['unticking touches nothing else', { done: false }, { done: false }],
    ['clearing «No aplica» touches nothing else', { notApplicable: false }, { notApplicable: false }],
    ['a note alone is left as it is', { note: 'Llamar' }, { note: 'Llamar' }],
  ])('%s', (_case, patch, expected) => {
    expect(makeExclusivePatch(patch)).toEqual(expected);
  });

  it.each([
    ['done written later wins', { done: true, notApplicable: true }, { done: B, notApplicable: A }, { done: true, notApplicable: false }],
    ['n/a written later wins', { done: true, notApplicable: true }, { done: A, notApplicable: B }, { done: false, notApplicable: true }],
    ['without stamps, n/a (it has a reason)', { done: true, notApplicable: true, reason: 'x' }, {}, { done: false, notApplicable: true, reason: 'x' }],
    ['one of them alone is left as it is', { done: true, notApplicable: false }, { done: A }, { done: true, notApplicable: false }],
  ])('merged from two phones: %s', (_case, state, stamps, expected) => {
    expect(settleItemState(state, stamps)).toEqual(expected);
  });
});
