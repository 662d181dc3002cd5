import { describe, expect, it } from 'vitest';
import { buildParticipantLink, generateWorkshopCode, isWindowOpen, splitWorkshops } from '../../../src/state/workshop-model';
import { validateWorkshopDraft, makeEmptyWorkshopDraft } from '../../../src/state/workshop-form-model';
import { WORKSHOP_CODE_ALPHABET, WorkshopCode } from '../../../src/shared/schemas/workshop';
import { makeWorkshop } from '../../component/workshops/workshop-fixture';
import * as v from 'valibot';

describe('workshop codes and windows', () => {
  it('makes 6-character codes from the unambiguous alphabet that the shared schema accepts', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = generateWorkshopCode();
      expect(code).toMatch(new RegExp(`^[${WORKSHOP_CODE_ALPHABET}]{6}$`));
      expect(v.safeParse(WorkshopCode, code).success).toBe(true);
    }
  });

  it('the participant link is absolute: <origin>/t/<CODE>', () => {
    expect(buildParticipantLink('K7M2QP', 'https://tinkuy.cultura.gob.pe')).toBe('https://tinkuy.cultura.gob.pe/t/K7M2QP');
  });

  it.each([
    ['two days before the start', -2 * 86_400_000 - 1, false],
    ['one day before the start', -86_400_000, true],
    ['during', 3_600_000, true],
    ['two days after the end', 2 * 86_400_000 + 2 * 3_600_000, true],
    ['three days after the end', 3 * 86_400_000 + 2 * 3_600_000, false],
  ])('the participant window is open %s: %s', (_when, offset, open) => {
    const start = Date.parse('2026-12-01T14:00:00.000Z');
    const w = { startsAt: '2026-12-01T14:00:00.000Z', endsAt: '2026-12-01T16:00:00.000Z' };
    expect(isWindowOpen(w, start + offset)).toBe(open);
  });

  it('splits the programme: upcoming soonest first, past latest first', () => {
    const now = Date.parse('2026-12-10T12:00:00.000Z');
    const rows = ['2026-12-01', '2026-12-05', '2026-12-15', '2026-12-20'].map((day) => makeWorkshop({ title: day, startsAt: `${day}T14:00:00.000Z`, endsAt: `${day}T18:00:00.000Z` }));
    const { upcoming, past } = splitWorkshops(rows, now);
    expect(upcoming.map((w) => w.title)).toEqual(['2026-12-15', '2026-12-20']);
    expect(past.map((w) => w.title)).toEqual(['2026-12-05', '2026-12-01']);
  });
});

describe('the workshop form', () => {
  it('turns Lima times into UTC and a virtual workshop needs an https link, no place', () => {
    const draft = { ...makeEmptyWorkshopDraft(), title: 'Gestión de públicos', topic: 'Públicos', startDate: '2026-12-03', startTime: '09:00', endDate: '2026-12-03', endTime: '12:30', modality: 'virtual' as const, capacity: '80', facilitators: 'Ana\n\nLuis ' };
    const missing = validateWorkshopDraft(draft);
    expect('errors' in missing && missing.errors.link).toBe('Escriba el enlace de la reunión virtual.');
    const checked = validateWorkshopDraft({ ...draft, link: 'https://meet.example.org/red' });
    expect('input' in checked && checked.input).toMatchObject({ startsAt: '2026-12-03T14:00:00.000Z', endsAt: '2026-12-03T17:30:00.000Z', facilitators: ['Ana', 'Luis'], link: 'https://meet.example.org/red' });
    expect('input' in checked && 'placeCode' in checked.input).toBe(false);
  });
});
