import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ChecklistTemplate, doesItemApply, shouldProposeTemplate, type EventAnswers, type EventConditions } from '../../src/shared/catalogue';

/** A small indoor recital without music, for adults; each case changes what it needs. */
const base: EventAnswers = { type: 'teatro', expectedAudience: 80, outdoors: false, music: 'none', heritageSite: false, minors: false };

const cases: [string, EventConditions | undefined, Partial<EventAnswers>, boolean][] = [
  ['no conditions always hold', undefined, {}, true],
  ['empty conditions always hold', {}, {}, true],
  ['outdoors: true holds for an outdoor event', { outdoors: true }, { outdoors: true }, true],
  ['outdoors: true fails indoors', { outdoors: true }, {}, false],
  ['outdoors: false holds indoors', { outdoors: false }, {}, true],
  ['heritageSite: true holds at a heritage site', { heritageSite: true }, { heritageSite: true }, true],
  ['heritageSite: true fails elsewhere', { heritageSite: true }, {}, false],
  ['minors: true holds with minors', { minors: true }, { minors: true }, true],
  ['minors: true fails without minors', { minors: true }, {}, false],
  ['music [live] holds for live music', { music: ['live'] }, { music: 'live' }, true],
  ['music [live] fails for recorded music', { music: ['live'] }, { music: 'recorded' }, false],
  ['music [recorded, live] holds for recorded music', { music: ['recorded', 'live'] }, { music: 'recorded' }, true],
  ['music [recorded, live] fails without music', { music: ['recorded', 'live'] }, {}, false],
  ['minAudience 500 holds at exactly 500', { minAudience: 500 }, { expectedAudience: 500 }, true],
  ['minAudience 500 fails at 499', { minAudience: 500 }, { expectedAudience: 499 }, false],
  ['types holds for a listed type', { types: ['concierto', 'festival'] }, { type: 'festival' }, true],
  ['types fails for an unlisted type', { types: ['concierto', 'festival'] }, { type: 'feria' }, false],
  ['all listed must hold: all do', { outdoors: true, music: ['live'], minAudience: 100 }, { outdoors: true, music: 'live', expectedAudience: 300 }, true],
  ['all listed must hold: one fails', { outdoors: true, music: ['live'], minAudience: 100 }, { outdoors: true, music: 'live', expectedAudience: 50 }, false],
];

describe('shouldProposeTemplate', () => {
  it.each(cases)('%s', (_name, when, change, expected) => {
    const template = { proposeWhen: when ?? {} };
    expect(shouldProposeTemplate(template, { ...base, ...change })).toBe(expected);
  });

  it('compiles a missing or empty proposeWhen to {} so the template is always proposed', () => {
    const source = { id: 't', version: 1, title: 'T', summary: 'S', sections: [{ id: 's', title: 'S', items: [{ id: 'i', text: 'x', dueDays: 1 }] }] };
    for (const proposeWhen of [undefined, null]) {
      const template = v.parse(ChecklistTemplate, proposeWhen === undefined ? source : { ...source, proposeWhen });
      expect(template.proposeWhen).toEqual({});
      expect(shouldProposeTemplate(template, base)).toBe(true);
    }
  });
});

describe('doesItemApply', () => {
  it.each(cases)('%s', (_name, when, change, expected) => {
    const item = when === undefined ? {} : { appliesWhen: when };
    expect(doesItemApply(item, { ...base, ...change })).toBe(expected);
  });
});
