import { describe, expect, it } from 'vitest';
import { summariseFeedback, type FeedbackRow } from '../../../src/state/feedback-model';

const answer = (recommend: number, ratings: [number, number, number, number], comment?: string): FeedbackRow => ({
  id: `f${recommend}${ratings.join('')}`, workshopId: 'w', recommend,
  ratings: { contenido: ratings[0], facilitacion: ratings[1], utilidad: ratings[2], organizacion: ratings[3] },
  ...(comment ? { comment } : {}),
});

describe('feedback summary', () => {
  it('averages each dimension to one decimal, counts 1–5 and 0–10, and scores recommendation as promoters minus detractors', () => {
    const s = summariseFeedback([answer(10, [5, 5, 4, 3], 'Excelente'), answer(9, [4, 5, 4, 3]), answer(7, [3, 4, 5, 3], '  '), answer(2, [2, 3, 4, 1], 'Faltó tiempo')]);
    expect(s.count).toBe(4);
    expect(s.dimensions.find((d) => d.key === 'contenido')).toEqual({ key: 'contenido', average: 3.5, distribution: [0, 1, 1, 1, 1] });
    expect(s.dimensions.find((d) => d.key === 'organizacion')?.average).toBe(2.5);
    expect(s.recommend[10]).toBe(1);
    expect(s.recommend[2]).toBe(1);
    expect([s.promoters, s.passives, s.detractors]).toEqual([2, 1, 1]);
    expect(s.nps).toBe(25);
    expect(s.comments).toEqual(['Excelente', 'Faltó tiempo']);
  });

  it('no answers: zero everywhere, nothing divided by zero', () => {
    const s = summariseFeedback([]);
    expect(s.nps).toBe(0);
    expect(s.dimensions.every((d) => d.average === 0)).toBe(true);
  });
});
