import { describe, expect, it } from 'vitest';
import { computeWorkshopHours } from '../../../src/shared/workshop-hours';

describe('training hours of a workshop', () => {
  it.each([
    { what: 'one morning, 9:00–13:00 Lima', startsAt: '2027-01-14T14:00:00.000Z', endsAt: '2027-01-14T18:00:00.000Z', hours: 4 },
    { what: 'three days 9:00–13:00 count 12, not 52', startsAt: '2027-01-11T14:00:00.000Z', endsAt: '2027-01-13T18:00:00.000Z', hours: 12 },
    { what: 'two days 9:00–16:00 (the seeded Arequipa workshop)', startsAt: '2027-01-28T14:00:00.000Z', endsAt: '2027-01-29T21:00:00.000Z', hours: 14 },
    { what: 'an evening that ends after midnight UTC but the same Lima day', startsAt: '2027-02-01T23:00:00.000Z', endsAt: '2027-02-02T02:30:00.000Z', hours: 3.5 },
    { what: 'an offset other than Z', startsAt: '2027-01-14T09:00:00-05:00', endsAt: '2027-01-14T11:20:00-05:00', hours: 2.25 },
    { what: 'a day typed far too long counts 12 a day', startsAt: '2027-01-14T05:00:00.000Z', endsAt: '2027-01-15T04:59:00.000Z', hours: 12 },
    { what: 'an end before the start', startsAt: '2027-01-14T14:00:00.000Z', endsAt: '2027-01-14T13:00:00.000Z', hours: 0 },
  ])('$what: $hours h', ({ startsAt, endsAt, hours }) => {
    expect(computeWorkshopHours(startsAt, endsAt)).toBe(hours);
  });
});
