import { describe, expect, it } from 'vitest';
import { bandOf, compareRatings, overallBandOf, ratingWord, scoreOf, worseOf } from './bands';

describe('bandOf', () => {
  it.each([
    [0, 'inadequate'],
    [49, 'inadequate'],
    [50, 'requires_improvement'],
    [64, 'requires_improvement'],
    [65, 'good'],
    [79, 'good'],
    [80, 'outstanding'],
    [100, 'outstanding'],
  ] as const)('%i%% → %s', (pct, band) => {
    expect(bandOf(pct)).toBe(band);
  });

  it('rejects percentages outside 0–100', () => {
    expect(() => bandOf(-1)).toThrow(RangeError);
    expect(() => bandOf(101)).toThrow(RangeError);
    expect(() => bandOf(Number.NaN)).toThrow(RangeError);
  });
});

describe('scores and the overall bands', () => {
  it('scores inadequate 0, requires improvement 1, good 2, outstanding 3', () => {
    expect([scoreOf('inadequate'), scoreOf('requires_improvement'), scoreOf('good'), scoreOf('outstanding')]).toEqual([0, 1, 2, 3]);
  });

  it.each([
    [0, 'inadequate'],
    [6, 'inadequate'],
    [7, 'requires_improvement'],
    [18, 'requires_improvement'],
    [19, 'good'],
    [30, 'good'],
    [31, 'outstanding'],
    [36, 'outstanding'],
  ] as const)('score %i → %s', (score, rating) => {
    expect(overallBandOf(score)).toBe(rating);
  });

  it('rejects scores outside 0–36', () => {
    expect(() => overallBandOf(37)).toThrow(RangeError);
    expect(() => overallBandOf(-1)).toThrow(RangeError);
    expect(() => overallBandOf(2.5)).toThrow(RangeError);
  });
});

describe('comparing ratings', () => {
  it('orders worst first', () => {
    expect(compareRatings('inadequate', 'good')).toBeLessThan(0);
    expect(compareRatings('outstanding', 'good')).toBeGreaterThan(0);
    expect(worseOf('good', 'requires_improvement')).toBe('requires_improvement');
    expect(ratingWord('requires_improvement')).toBe('Requires improvement');
    expect(ratingWord(null)).toBe('Not rated');
  });
});
