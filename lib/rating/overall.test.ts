import { describe, expect, it } from 'vitest';
import type { Rating } from '@/lib/framework/types';
import { computeOverall, type CoreStandardRating } from './overall';
import { at } from '@/lib/must';

const IDS = ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4'];
const core = (ratings: (Rating | null)[]): CoreStandardRating[] => IDS.map((id, i) => ({ id, rating: at(ratings, i) }));
/** 12 ratings scoring `score`: as many outstanding as possible, then one remainder, then inadequate. */
function scoring(score: number): Rating[] {
  const order: Rating[] = ['inadequate', 'requires_improvement', 'good', 'outstanding'];
  return IDS.map((_, i) => at(order, Math.max(0, Math.min(3, score - 3 * i))));
}

describe('computeOverall', () => {
  it.each([
    [6, 'inadequate'],
    [7, 'requires_improvement'],
    [18, 'requires_improvement'],
    [19, 'good'],
    [30, 'good'],
    [31, 'outstanding'],
    [36, 'outstanding'],
  ] as const)('sums the 12 scores: %i → %s', (score, rating) => {
    const result = computeOverall(core(scoring(score)));
    expect(result).toMatchObject({ score, maxScore: 36, rating, uncappedRating: rating, isCapped: false, missing: [] });
  });

  it('is null, listing what is missing, when any core standard has no rating', () => {
    const ratings = scoring(25) as (Rating | null)[];
    ratings[1] = null;
    ratings[7] = null;
    const input = core(ratings);
    at(input, 1).missing = '1.2 has no judgement';
    at(input, 7).missing = '2.4 has no marked cases';
    expect(computeOverall(input)).toEqual({
      score: null,
      maxScore: 36,
      rating: null,
      uncappedRating: null,
      isCapped: false,
      cap: null,
      missing: ['1.2 has no judgement', '2.4 has no marked cases'],
    });
  });

  it('caps Outstanding at Good when resettlement is Inadequate (31 points → Good)', () => {
    const result = computeOverall(core(scoring(31)), [{ id: '4.1', isRated: true, rating: 'inadequate' }]);
    expect(result).toMatchObject({ score: 31, rating: 'good', uncappedRating: 'outstanding', isCapped: true });
    expect(result.cap).toBe('4.1 is rated Inadequate, so the overall rating cannot be Outstanding: a score of 31 is capped at Good');
  });

  it('does not lower Good or below for an Inadequate resettlement rating', () => {
    expect(computeOverall(core(scoring(30)), [{ id: '4.1', isRated: true, rating: 'inadequate' }])).toMatchObject({
      score: 30,
      rating: 'good',
      isCapped: false,
    });
  });

  it('applies no cap when resettlement is not rated (no resettlement cases)', () => {
    expect(computeOverall(core(scoring(31)), [{ id: '4.1', isRated: false, rating: null }])).toMatchObject({
      score: 31,
      rating: 'outstanding',
      isCapped: false,
      missing: [],
    });
  });

  // "The resettlement standard is rated separately, and does not influence the overall YOT
  // rating. We apply a limiting judgement, whereby any YOT that receives an 'Inadequate' rating
  // for the resettlement standard is unable to receive an overall 'Outstanding' rating"
  // (Leicestershire 2021, 004_46eac8fc65744bcf.txt, Annexe 2; St Helens 2023,
  // 003_ce93bfaa3cc60c15.txt, ratings table footnote 1).
  it('holds back only an Outstanding overall rating for a missing 4.1 judgement, and shows the score', () => {
    expect(computeOverall(core(scoring(31)), [{ id: '4.1', isRated: true, rating: null }])).toEqual({
      score: 31,
      maxScore: 36,
      rating: null,
      uncappedRating: 'outstanding',
      isCapped: false,
      cap: null,
      missing: ['4.1 has no judgement: with a score of 31 the overall rating is Outstanding unless 4.1 is rated Inadequate'],
    });
  });

  it.each([
    [30, 'good'],
    [19, 'good'],
    [11, 'requires_improvement'],
    [6, 'inadequate'],
  ] as const)('does not wait for 4.1 below 31: a score of %i is %s whatever 4.1 becomes', (score, rating) => {
    expect(computeOverall(core(scoring(score)), [{ id: '4.1', isRated: true, rating: null }])).toEqual({
      score,
      maxScore: 36,
      rating,
      uncappedRating: rating,
      isCapped: false,
      cap: null,
      missing: [],
    });
  });

  it('shows neither score nor rating while a core standard is missing, whatever 4.1 is', () => {
    const ratings = scoring(33) as (Rating | null)[];
    ratings[0] = null;
    expect(computeOverall(core(ratings), [{ id: '4.1', isRated: true, rating: null }])).toMatchObject({
      score: null,
      rating: null,
      missing: ['1.1 has no rating'],
    });
  });
});
