import { describe, expect, it } from 'vitest';
import { computeInspection } from '@/lib/rating/compute-inspection';
import { suggestFindings } from './suggestions';

describe('suggested key findings', () => {
  const result = computeInspection('2021', {
    counts: {
      '3.1.1.a': { yes: 9, no: 1, na: 0 },
      '3.1.1.b': { yes: 2, no: 8, na: 0 },
      '3.2.1.a': { yes: 7, no: 3, na: 0 },
      '3.3.1.a': { yes: 1, no: 1, na: 0 }, // two cases: too few to suggest from
      '2.1.1.a': { yes: 10, no: 0, na: 0 }, // another domain
    },
  });

  it('offers the highest yes-rates as strengths and the lowest as areas, from the domain only, worded as findings', () => {
    const { strengths, areas } = suggestFindings('2021', result, '3');
    expect(strengths.map((s) => [s.promptId, s.pct])).toEqual([
      ['3.1.1.a', 90],
      ['3.2.1.a', 70],
    ]);
    expect(areas.map((s) => [s.promptId, s.pct])).toEqual([['3.1.1.b', 20]]);
    expect(areas[0]?.text).toBe('Diversity issues were analysed sufficiently.');
  });

  it('suggests nothing for a domain without marked prompts', () => {
    expect(suggestFindings('2021', result, '1')).toEqual({ strengths: [], areas: [] });
  });
});
