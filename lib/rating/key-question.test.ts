import { describe, expect, it } from 'vitest';
import { addAnswer, percentageOf, questionFigures, roundHalfUp, type QuestionCounts } from './key-question';

describe('percentageOf', () => {
  it('rounds an exact half up: 64.5 → 65 and 49.5 → 50', () => {
    expect(percentageOf(129, 200)).toBe(65); // 64.5%
    expect(percentageOf(99, 200)).toBe(50); // 49.5%
    expect(percentageOf(159, 200)).toBe(80); // 79.5%
  });

  it('rounds just below a half down', () => {
    expect(percentageOf(1289, 2000)).toBe(64); // 64.45%
    expect(percentageOf(989, 2000)).toBe(49); // 49.45%
  });

  it('reproduces printed report figures', () => {
    expect(percentageOf(6, 11)).toBe(55); // 54.55 — Blackpool 2021, 2.2
    expect(percentageOf(15, 24)).toBe(63); // 62.5 — Dudley 2019, 2.1.2
    expect(percentageOf(21, 24)).toBe(88); // 87.5 — Dudley 2019, 2.1.1
    expect(percentageOf(8, 13)).toBe(62); // 61.5 — Dudley 2019, 3.1.1
    expect(percentageOf(1, 17)).toBe(6); // Leicestershire 2021, 3.1.3
  });

  it('is null when there are no relevant cases, never 0', () => {
    expect(percentageOf(0, 0)).toBeNull();
    expect(percentageOf(0, 3)).toBe(0);
  });

  it('rejects impossible counts', () => {
    expect(() => percentageOf(-1, 3)).toThrow(RangeError);
    expect(() => percentageOf(4, 3)).toThrow(RangeError);
    expect(() => percentageOf(1.5, 3)).toThrow(RangeError);
  });
});

describe('roundHalfUp', () => {
  it('rounds halves up and keeps whole numbers', () => {
    expect(roundHalfUp(64.5)).toBe(65);
    expect(roundHalfUp(49.5)).toBe(50);
    expect(roundHalfUp(64.49)).toBe(64);
    expect(roundHalfUp(80)).toBe(80);
    expect(roundHalfUp((100 * 129) / 200)).toBe(65);
  });
});

describe('questionFigures', () => {
  it('takes relevant = yes + no; na leaves the sub-sample', () => {
    expect(questionFigures({ yes: 4, no: 3, na: 2 })).toEqual({
      yes: 4,
      no: 3,
      na: 2,
      relevant: 7,
      pct: 57,
      fraction: { numerator: 4, denominator: 7 },
    });
  });

  it('gives pct null and no fraction for an empty sub-sample (all na, or unanswered)', () => {
    expect(questionFigures({ yes: 0, no: 0, na: 5 })).toMatchObject({ relevant: 0, pct: null, fraction: null });
    expect(questionFigures(undefined)).toEqual({ yes: 0, no: 0, na: 0, relevant: 0, pct: null, fraction: null });
  });

  it('treats missing fields as 0 (unanswered is not "no")', () => {
    expect(questionFigures({ yes: 3 })).toMatchObject({ relevant: 3, pct: 100 });
  });

  it('rejects negative or fractional counts', () => {
    expect(() => questionFigures({ yes: -1, no: 0, na: 0 })).toThrow(RangeError);
    expect(() => questionFigures({ yes: 1, no: 0.5, na: 0 })).toThrow(RangeError);
  });
});

describe('addAnswer', () => {
  it('tallies answers per question', () => {
    const counts: QuestionCounts = {};
    addAnswer(counts, '2.1.1', 'yes');
    addAnswer(counts, '2.1.1', 'no');
    addAnswer(counts, '2.1.1', 'yes');
    addAnswer(counts, '2.1.2', 'na');
    expect(counts).toEqual({ '2.1.1': { yes: 2, no: 1, na: 0 }, '2.1.2': { yes: 0, no: 0, na: 1 } });
  });
});
