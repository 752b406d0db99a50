/**
 * Bands, scores and words for ratings. Every report's methodology annex prints the same tables:
 * Blackpool 2021 (000_c1174f08f6b47fac.txt), Annexe 1 "Ratings explained";
 * Leicestershire 2021 (004_46eac8fc65744bcf.txt), Annexe 2.
 */
import { RATINGS, type Rating } from '@/lib/framework/types';

/** The words the reports use, e.g. "Requires improvement". */
export const RATING_WORDS: Record<Rating, string> = {
  inadequate: 'Inadequate',
  requires_improvement: 'Requires improvement',
  good: 'Good',
  outstanding: 'Outstanding',
};

/**
 * The lowest whole percentage of each band above Inadequate: "Minority: <50% Inadequate;
 * Too few: 50-64% Requires improvement; Reasonable majority: 65-79% Good; Large majority:
 * 80%+ Outstanding" (Blackpool 2021, Annexe 1; Wigan 2021 (001_…), Annexe 1).
 */
export const BAND_BOUNDARIES = [
  { pct: 50, below: 'inadequate', above: 'requires_improvement' },
  { pct: 65, below: 'requires_improvement', above: 'good' },
  { pct: 80, below: 'good', above: 'outstanding' },
] as const satisfies readonly { pct: number; below: Rating; above: Rating }[];

/**
 * The band of a key-question percentage. Expects the whole (printed, rounded) percentage:
 * 49 → inadequate, 50 → requires_improvement, 64 → requires_improvement, 65 → good,
 * 79 → good, 80 → outstanding; 0 and 100 are valid. Anything outside 0–100 is a RangeError.
 */
export function bandOf(pct: number): Rating {
  if (!Number.isFinite(pct) || pct < 0 || pct > 100) throw new RangeError(`A percentage is 0 to 100 (got ${pct})`);
  if (pct >= 80) return 'outstanding';
  if (pct >= 65) return 'good';
  if (pct >= 50) return 'requires_improvement';
  return 'inadequate';
}

/** 'Inadequate' = 0; 'Requires improvement' = 1; 'Good' = 2; 'Outstanding' = 3 (Blackpool 2021, footnote 2). */
const RATING_SCORES: Record<Rating, number> = {
  inadequate: 0,
  requires_improvement: 1,
  good: 2,
  outstanding: 3,
};

export function scoreOf(rating: Rating): number {
  return RATING_SCORES[rating];
}

/** The most the 12 core standards can score. */
const MAX_OVERALL_SCORE = 36;

/**
 * The overall rating of a 0–36 score: 0–6 Inadequate, 7–18 Requires improvement, 19–30 Good,
 * 31–36 Outstanding (Blackpool 2021, footnote 2; Leicestershire 2021, Annexe 2). A score that
 * is not a whole number from 0 to 36 is a RangeError.
 */
export function overallBandOf(score: number): Rating {
  if (!Number.isInteger(score) || score < 0 || score > MAX_OVERALL_SCORE) {
    throw new RangeError(`An overall score is a whole number from 0 to ${MAX_OVERALL_SCORE} (got ${score})`);
  }
  if (score >= 31) return 'outstanding';
  if (score >= 19) return 'good';
  if (score >= 7) return 'requires_improvement';
  return 'inadequate';
}

/** Negative when a is worse than b, 0 when equal, positive when a is better. */
export function compareRatings(a: Rating, b: Rating): number {
  return RATINGS.indexOf(a) - RATINGS.indexOf(b);
}

/** The worse of two ratings. */
export function worseOf(a: Rating, b: Rating): Rating {
  return compareRatings(a, b) <= 0 ? a : b;
}

export function ratingWord(rating: Rating | null): string {
  return rating ? RATING_WORDS[rating] : 'Not rated';
}
