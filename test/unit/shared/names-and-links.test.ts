import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isSafeHttpsLink } from '../../../src/shared/safe-link';
import { AttendanceRegisterArgs, AttendanceUpdateArgs } from '../../../src/shared/schemas/attendance';
import { FeedbackSubmitArgs } from '../../../src/shared/schemas/feedback';
import { WorkshopSaveArgs } from '../../../src/shared/schemas/workshop';

const ID = '0193f000-0000-7000-8000-0000000000aa';
const person = (fullName: string, entityName = 'Municipalidad Distrital de Quinua') => ({
  fullName, entityType: 'municipalidad-distrital', entityName, governmentLevel: 'distrital', regionCode: '05',
});

describe('names lose their bidirectional controls in the shared schemas (device and server parse the same)', () => {
  it.each([
    ['a right-to-left override', 'Ricardo \u202Eodraci\u202C Quispe', 'Ricardo odraci Quispe'],
    ['an embedding', '\u202AMaría\u202C Ñahui', 'María Ñahui'],
    ['isolates', '\u2066José\u2069 \u2067Pérez\u2069', 'José Pérez'],
    ['marks', '\u200FRosa\u200E Huamán\u061C', 'Rosa Huamán'],
  ])('%s in a registration', (_what, typed, stored) => {
    const parsed = v.parse(AttendanceRegisterArgs, { id: ID, workshopId: ID, person: person(typed, `Muni\u202E ${typed}`), consent: { given: true, textVersion: 'x' } });
    expect(parsed.person.fullName).toBe(stored);
    expect(parsed.person.entityName).toBe(`Muni ${stored}`);
  });

  it('in a correction, a feedback comment and a workshop’s facilitators too; a name of only controls is empty and refused', () => {
    expect(v.parse(AttendanceUpdateArgs, { id: ID, patch: { fullName: '\u202ELuis' } }).patch.fullName).toBe('Luis');
    const feedback = v.parse(FeedbackSubmitArgs, {
      id: ID, workshopId: ID, ratings: { contenido: 5, facilitacion: 5, utilidad: 5, organizacion: 5 }, recommend: 9, comment: 'Bien\u202E', topics: ['\u2067Aforo'],
    });
    expect([feedback.comment, feedback.topics]).toEqual(['Bien', ['Aforo']]);
    expect(v.safeParse(AttendanceUpdateArgs, { id: ID, patch: { fullName: '\u202E\u202C' } }).success).toBe(false);
  });
});

describe('a link that leaves the app', () => {
  it.each([
    'https://www.gob.pe/cultura',
    'https://www.gob.pe/cultura?x=1#y',
    'https://medium.com/@red-cultura/post',
    'HTTPS://WWW.GOB.PE/',
    'https://zoom.us/j/123?pwd=a@b',
  ])('%s is drawn as a link', (href) => {
    expect(isSafeHttpsLink(href)).toBe(true);
  });

  it.each([
    'https://www.gob.pe@evil.example/',
    'https://gob.pe@evil.example',
    'https://user:pass@evil.example/',
    'https://\\evil.com',
    'https://evil.com\\@gob.pe',
    'https:// gob.pe',
    'https://gob.pe/\u0000',
    'http://www.gob.pe/',
    'javascript:alert(1)',
    'https://',
    '//evil.example',
  ])('%s is not', (href) => {
    expect(isSafeHttpsLink(href)).toBe(false);
  });

  const virtualWorkshop = (link: string) => ({
    id: ID, code: 'ABCDEF', title: 'Taller', topic: 'Tema', startsAt: '2026-12-10T14:00:00.000Z', endsAt: '2026-12-10T18:00:00.000Z',
    modality: 'virtual', capacity: 30, facilitators: [], link,
  });

  it('a workshop’s meeting link with userinfo is refused by the shared schema, in Spanish', () => {
    const workshop = virtualWorkshop('https://www.gob.pe@evil.example/reunion');
    const result = v.safeParse(WorkshopSaveArgs, workshop);
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toMatch(/sin «usuario@»/);
    expect(v.safeParse(WorkshopSaveArgs, { ...workshop, link: 'https://www.gob.pe/reunion' }).success).toBe(true);
  });

  it('a meeting link with half a character is refused (URL parsing alone lets it through, and the engines would store it differently)', () => {
    const result = v.safeParse(WorkshopSaveArgs, virtualWorkshop('https://www.gob.pe/reunion\udfff'));
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toMatch(/carácter dañado/);
  });
});
