import { describe, expect, it } from 'vitest';
import { buildChecklistView, countProgress, explainProposal, explainUnmet, RUN_ITEM_ID, isRunRemoved, isRunStarted } from '../../../src/state/checklist-view-model';
import { formatChecklistCsv, formatChecklistText, listResponsibles } from '../../../src/state/checklist-export-model';
import { fromLimaParts, makeDraftFromEvent, toLimaParts, validateDraft, makeEmptyDraft } from '../../../src/state/event-form-model';
import type { EventAnswers } from '../../../src/shared/catalogue/conditions';
import type { ChecklistTemplate, EventConditions } from '../../../src/shared/catalogue/template';
import type { ChecklistItemRow, ChecklistRunRow } from '../../../src/shared/schemas/checklist';
import type { EventRun } from '../../../src/state/event-checklists-model';

const EVENT: EventAnswers & { startsAt: string } = {
  type: 'festival', expectedAudience: 800, outdoors: true, music: 'recorded', heritageSite: false, minors: false,
  startsAt: '2026-07-31T20:00:00.000Z',
};

const TEMPLATE: ChecklistTemplate = {
  id: 'musica', version: 1, title: 'Música', summary: 'Música del evento.', proposeWhen: { music: ['recorded', 'live'] },
  sections: [
    { id: 's1', title: 'Antes', items: [
      { id: 'a', text: 'Licencia', dueDays: 2 },
      { id: 'b', text: 'Repertorio en vivo', dueDays: 4, appliesWhen: { music: ['live'] } },
    ] },
    { id: 's2', title: 'Después', items: [{ id: 'c', text: 'Informe', dueDays: -1 }] },
  ],
};

const RUN: ChecklistRunRow = { id: 'run-1', eventId: 'e', templateId: 'musica', templateVersion: 1, ownerId: '', customItems: [], updatedAt: '' };

function row(itemId: string, state: ChecklistItemRow['state'], hlc = '001785000000000:0000:device-a'): ChecklistItemRow {
  return { runId: 'run-1', itemId, state, fieldHlc: Object.fromEntries(Object.keys(state).map((k) => [k, hlc])), updatedAt: '' };
}

describe('why an item does not apply', () => {
  const cases: [EventConditions, Partial<EventAnswers>, string | undefined][] = [
    [{ music: ['live'] }, {}, 'el evento no tiene música en vivo'],
    [{ music: ['recorded', 'live'] }, { music: 'none' }, 'el evento no tiene música'],
    [{ outdoors: true }, { outdoors: false }, 'el evento no es al aire libre'],
    [{ outdoors: false }, {}, 'el evento no es bajo techo'],
    [{ heritageSite: true }, {}, 'el evento no es en un sitio patrimonial'],
    [{ minors: true }, {}, 'no participan menores de edad'],
    [{ minAudience: 1000 }, {}, `se esperan menos de ${(1000).toLocaleString('es-PE')} personas`],
    [{ types: ['feria'] }, {}, 'no corresponde a este tipo de evento'],
    [{ outdoors: true }, {}, undefined],
  ];
  it.each(cases)('%j on %j → %s', (when, change, expected) => {
    expect(explainUnmet(when, { ...EVENT, ...change })).toBe(expected);
  });
});

describe('why a template is proposed', () => {
  it.each([
    [{ music: ['recorded', 'live'] }, { music: 'live' }, 'Porque hay música en vivo.'],
    [{ heritageSite: true }, { heritageSite: true }, 'Porque se realiza en un sitio patrimonial.'],
    [{ minors: true }, { minors: true }, 'Porque participan menores de edad.'],
    [{}, {}, 'Se recomienda para todo evento.'],
  ])('%j → %s', (when, change, expected) => {
    expect(explainProposal(when as never, { ...EVENT, ...change } as EventAnswers)).toBe(expected);
  });
});

describe('the view of a run', () => {
  it('hides items that do not apply, with the reason, and leaves them out of the progress', () => {
    const view = buildChecklistView(TEMPLATE, RUN, [], EVENT, '2026-07-01', 'device-a');
    const b = view.sections[0]!.items[1]!;
    expect(b).toMatchObject({ applies: false, whyNot: 'el evento no tiene música en vivo' });
    expect(view.progress).toEqual({ done: 0, total: 2, percent: 0 });
    expect(view.hiddenCount).toBe(1);
  });

  it('due dates skip Fiestas Patrias; an override wins; null clears it', () => {
    const view = buildChecklistView(TEMPLATE, RUN, [row('c', { dueDate: '2026-08-10' })], EVENT, '2026-07-01', 'x');
    expect(view.sections[0]!.items[0]!.dueDate).toBe('2026-07-27');
    expect(view.sections[1]!.items[0]).toMatchObject({ dueDate: '2026-08-10', isDueOverridden: true });
    const cleared = buildChecklistView(TEMPLATE, RUN, [row('a', { dueDate: null })], EVENT, '2026-07-01', 'x');
    expect(cleared.sections[0]!.items[0]).toMatchObject({ dueDate: null, isOverdue: false });
  });

  it('an open item past its due day is overdue; a done or n/a one is not', () => {
    const today = '2026-07-28';
    const open = buildChecklistView(TEMPLATE, RUN, [], EVENT, today, 'x').sections[0]!.items[0]!;
    expect(open.isOverdue).toBe(true);
    const done = buildChecklistView(TEMPLATE, RUN, [row('a', { done: true })], EVENT, today, 'x').sections[0]!.items[0]!;
    expect(done.isOverdue).toBe(false);
    const na = buildChecklistView(TEMPLATE, RUN, [row('a', { notApplicable: true, reason: 'Sin música' })], EVENT, today, 'x');
    expect(na.sections[0]!.items[0]!.isOverdue).toBe(false);
    expect(na.progress).toEqual({ done: 1, total: 2, percent: 50 });
  });

  it('says which device made the last change and when', () => {
    const rows = [row('a', { done: true }, '001785000000000:0000:device-a'), row('c', { note: 'x' }, '001785000001000:0002:device-b')];
    const view = buildChecklistView(TEMPLATE, RUN, rows, EVENT, '2026-07-01', 'device-a');
    expect(view.sections[0]!.items[0]!.lastChange).toEqual({ at: new Date(1785000000000).toISOString(), isThisDevice: true });
    expect(view.sections[1]!.items[0]!.lastChange?.isThisDevice).toBe(false);
  });

  it('custom items join the section with their title, or a new one, and count', () => {
    const run = { ...RUN, customItems: [{ itemId: 'custom-1', section: 'Antes', text: 'Botiquín' }, { itemId: 'custom-2', section: 'Extra', text: 'Agua' }] };
    const view = buildChecklistView(TEMPLATE, run, [], EVENT, '2026-07-01', 'x');
    expect(view.sections.map((s) => [s.title, s.items.length])).toEqual([['Antes', 3], ['Después', 1], ['Extra', 1]]);
    expect(view.progress.total).toBe(4);
  });

  it('progress reads "done of total" rounded', () => {
    const items = [true, true, false].map((done, i) => ({ applies: true, state: { done } })) as never[];
    expect(countProgress(items)).toEqual({ done: 2, total: 3, percent: 67 });
  });

  it('a run is set aside through its reserved row, and started once a person touched an item', () => {
    expect(isRunRemoved([row(RUN_ITEM_ID, { notApplicable: true })])).toBe(true);
    expect(isRunRemoved([row(RUN_ITEM_ID, { notApplicable: false })])).toBe(false);
    expect(isRunStarted([row(RUN_ITEM_ID, { notApplicable: true })])).toBe(false);
    expect(isRunStarted([row('a', { note: 'x' })])).toBe(true);
  });
});

describe('output', () => {
  const view = buildChecklistView(TEMPLATE, RUN, [row('a', { done: true, note: 'Dijo "sí"' })], EVENT, '2026-07-28', 'x');
  const runs = [{ run: RUN, rows: [], template: TEMPLATE, view, isRemoved: false, isStarted: true }] as EventRun[];
  const event = { ...EVENT, id: 'e', title: 'Festival del Sol', endsAt: EVENT.startsAt, venue: 'Plaza', placeCode: '0501', ownerId: '', archived: false, updatedAt: '' };

  it('CSV starts with a BOM, uses CRLF and commas, and quotes every field', () => {
    const csv = formatChecklistCsv(runs);
    expect(csv.startsWith('\uFEFF"Lista","Sección","Ítem","Estado"')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('"Música","Antes","Licencia","Hecho","","Dijo ""sí""","","2026-07-27","Sí"');
    // An item the event rules out is never overdue; its reason fills the Motivo column.
    expect(lines[2]).toBe('"Música","Antes","Repertorio en vivo","Pendiente","el evento no tiene música en vivo","","","2026-07-22","No"');
  });

  it('the text summary lists what is still open with its due day', () => {
    const text = formatChecklistText(event, runs);
    expect(text).toContain('Música: 1 de 2 · 50 %');
    expect(text).toContain('- [ ] Informe (para el');
    expect(text).not.toContain('Licencia');
    expect(text).not.toContain('Repertorio en vivo');
  });
});

describe('the summary for the team', () => {
  const rows = [row('a', { responsible: 'Rosa', done: true }), row('c', { responsible: 'Luz Condori', note: 'Llevar el cable' })];
  const view = buildChecklistView(TEMPLATE, RUN, rows, EVENT, '2026-07-28', 'x');
  const runs = [{ run: RUN, rows, template: TEMPLATE, view, isRemoved: false, isStarted: true }] as EventRun[];
  const event = { ...EVENT, id: 'e', title: 'Festival del Sol', endsAt: EVENT.startsAt, venue: 'Plaza', placeCode: '0501', ownerId: '', archived: false, updatedAt: '' };

  it('names who does each open item and its note', () => {
    expect(formatChecklistText(event, runs)).toMatch(/^- \[ \] Informe \(para el .+\) — Responsable: Luz Condori — Nota: Llevar el cable$/m);
  });

  it('lists the responsibles of open items only, and writes each one their own message', () => {
    expect(listResponsibles(runs)).toEqual([{ name: 'Luz Condori', count: 1 }]);
    const forLuz = formatChecklistText(event, runs, 'Luz Condori');
    expect(forLuz).toContain('Pendientes de Luz Condori:');
    expect(forLuz).toMatch(/^- \[ \] Informe \(para el .+\) — Nota: Llevar el cable$/m);
    expect(forLuz).not.toContain('Responsable:');
    expect(formatChecklistText(event, runs, 'Rosa')).not.toContain('- [ ]');
  });
});

describe('the event form', () => {
  it('Lima dates and times round-trip through UTC', () => {
    expect(fromLimaParts('2026-07-31', '20:00')).toBe('2026-08-01T01:00:00.000Z');
    expect(toLimaParts('2026-08-01T01:00:00.000Z')).toEqual({ date: '2026-07-31', time: '20:00' });
  });

  it('a draft made from a saved event validates back to the same event', () => {
    const saved = { id: '0193a3b0-0000-7000-8000-000000000001', title: 'Feria', type: 'feria' as const, startsAt: '2026-08-01T01:00:00.000Z', endsAt: '2026-08-01T04:00:00.000Z',
      venue: 'Coliseo', placeCode: '150101', expectedAudience: 200, outdoors: false, music: 'none' as const, heritageSite: true, minors: false,
      ownerId: '', archived: false, updatedAt: '' };
    const draft = makeDraftFromEvent(saved);
    expect(draft).toMatchObject({ regionCode: '1501', provinceCode: '1501', districtCode: '150101', outdoors: 'no' });
    const result = validateDraft(draft, saved.id);
    expect('input' in result && result.input).toMatchObject({ id: saved.id, startsAt: saved.startsAt, placeCode: '150101', heritageSite: true });
  });

  it('clearing the funding source sends it empty, so the saved one is cleared too', () => {
    const draft = { ...makeEmptyDraft(), title: 'Feria', type: 'feria' as const, startDate: '2026-08-01', startTime: '10:00', endDate: '2026-08-01',
      endTime: '12:00', regionCode: '05', provinceCode: '0501', expectedAudience: '50', outdoors: 'no' as const, fundingSource: '   ' };
    const result = validateDraft(draft);
    expect('input' in result && result.input.fundingSource).toBe('');
  });

  it('an empty draft lists every missing field', () => {
    const result = validateDraft(makeEmptyDraft());
    expect('errors' in result && Object.keys(result.errors).sort()).toEqual(['endDate', 'expectedAudience', 'outdoors', 'place', 'startDate', 'title', 'type']);
  });
});

describe('a yearly value in an item', () => {
  const uit = { key: 'uit', label: 'UIT', unit: 'soles' as const, years: [{ year: 2025, amount: 5350, source: 'DS 260-2024-EF' }, { year: 2026, amount: 5500, source: 'DS 301-2025-EF' }] };
  const dated: ChecklistTemplate = {
    ...TEMPLATE,
    sections: [{ id: 's1', title: 'Antes', items: [{
      id: 'a', text: 'Hasta S/ 42 800 (como se compiló)', hint: 'Una UIT', dueDays: 2,
      dated: { text: 'Hasta {{valor:uit*8}}', hint: 'Una UIT es {{valor:uit}}', valores: [uit] },
    }] }],
  };

  it.each([
    ['2025-12-31', 'Hasta S/\u00a042\u00a0800 (8 UIT de 2025, DS 260-2024-EF)', 'Una UIT es S/\u00a05\u00a0350 (UIT de 2025, DS 260-2024-EF)'],
    ['2026-01-02', 'Hasta S/\u00a044\u00a0000 (8 UIT de 2026, DS 301-2025-EF)', 'Una UIT es S/\u00a05\u00a0500 (UIT de 2026, DS 301-2025-EF)'],
  ])('on %s reads «%s»', (today, text, hint) => {
    const view = buildChecklistView(dated, RUN, [], EVENT, today, 'device-a');
    expect(view.sections[0]?.items[0]).toMatchObject({ text, hint });
  });
});

describe('a rebuilt view after one tick', () => {
  it('hands back the same object for every unchanged item and a new one for the ticked item', () => {
    const run = { ...RUN, id: 'run-reuse' };
    const before = buildChecklistView(TEMPLATE, run, [], EVENT, '2026-07-01', 'device-a');
    const after = buildChecklistView(TEMPLATE, run, [{ ...row('a', { done: true }), runId: 'run-reuse' }], EVENT, '2026-07-01', 'device-a');
    const [a0, b0] = before.sections[0]!.items;
    const [a1, b1] = after.sections[0]!.items;
    expect(a1).not.toBe(a0);
    expect(a1!.state.done).toBe(true);
    expect(b1).toBe(b0);
    expect(after.sections[1]!.items[0]).toBe(before.sections[1]!.items[0]);
    // Another day (or another event's answers) rebuilds every item.
    const tomorrow = buildChecklistView(TEMPLATE, run, [], EVENT, '2026-07-02', 'device-a');
    expect(tomorrow.sections[0]!.items[1]).not.toBe(b1);
    const live = buildChecklistView(TEMPLATE, run, [], { ...EVENT, music: 'live' }, '2026-07-02', 'device-a');
    expect(live.sections[0]!.items[1]!.applies).toBe(true);
  });
});
