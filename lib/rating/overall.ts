/**
 * The overall rating: a 0–36 score over the 12 core standards, banded, with the resettlement
 * limiting judgement.
 *
 * "Each of the 12 standards is scored on a 0–3 scale in which 'Inadequate' = 0; 'Requires
 * improvement' = 1; 'Good' = 2; 'Outstanding' = 3. Adding these scores produces a total score
 * ranging from 0–36, which is banded to produce the overall rating, as follows: 0-6 =
 * 'Inadequate', 7-18 = 'Requires improvement', 19-30 = 'Good', 31-36 = 'Outstanding'."
 *   — Blackpool 2021 (000_c1174f08f6b47fac.txt), footnote 2; Leicestershire 2021 (004_…), footnote 2.
 *
 * "The resettlement standard is rated separately, and does not influence the overall YOT
 * rating. We apply a limiting judgement, whereby any YOT that receives an 'Inadequate' rating
 * for the resettlement standard is unable to receive an overall 'Outstanding' rating"
 *   — Leicestershire 2021 (004_46eac8fc65744bcf.txt), Annexe 2; "The rating for resettlement does
 *   not influence the overall YJS rating" — St Helens 2023 (003_ce93bfaa3cc60c15.txt), ratings
 *   table, footnote 1.
 *
 * So the score never waits for 4.1: it is over the 12 core standards only. The overall rating
 * waits for a missing 4.1 judgement only when the score is 31 or more (Outstanding), the one
 * band an Inadequate 4.1 could change.
 */
import type { Rating } from '@/lib/framework/types';
import { overallBandOf, scoreOf } from './bands';

export interface CoreStandardRating {
  id: string;
  /** The standard's final rating (judgement, computed or panel); null when it has none. */
  rating: Rating | null;
  /** Why rating is null, as listed in `missing`, e.g. "1.2 has no judgement". */
  missing?: string | null;
}

interface SeparateRating {
  id: string;
  /** False when the standard is not rated at all (no resettlement cases): no cap applies. */
  isRated: boolean;
  rating: Rating | null;
  /** Set when the standard is rated but its rating is missing, e.g. "4.1 has no judgement". */
  missing?: string | null;
}

export interface OverallResult {
  /** Sum of the core standards' scores; null when any core standard has no rating (never waits for 4.1). */
  score: number | null;
  /** 3 × the number of core standards (36). */
  maxScore: number;
  /**
   * The overall rating after the resettlement cap; null when a core standard has no rating, or
   * when the score is 31+ and a rated 4.1 has no judgement yet (only then can 4.1 change it).
   */
  rating: Rating | null;
  /** The band of the score before the cap. */
  uncappedRating: Rating | null;
  /** True when an Inadequate resettlement rating lowered Outstanding to Good. */
  isCapped: boolean;
  /** Why it was capped, in plain English. */
  cap: string | null;
  /**
   * What the overall rating still needs, e.g. ["1.2 has no judgement", "2.4 has no marked cases"],
   * or, with a score of 31+, the 4.1 judgement with why it matters.
   */
  missing: string[];
}

/**
 * The overall score and rating. Any core standard without a rating makes score and rating null
 * and is listed in `missing` (never counted as 0). A rated resettlement standard without its
 * judgement holds back only the rating, and only when the score is in the Outstanding band
 * (31–36): below that, no 4.1 rating could change it. An Inadequate resettlement rating caps
 * Outstanding at Good; it does not lower Good or below. A resettlement standard that is not
 * rated imposes no cap.
 */
export function computeOverall(core: readonly CoreStandardRating[], separate: readonly SeparateRating[] = []): OverallResult {
  const maxScore = core.length * 3;
  const missing: string[] = [];
  let score = 0;
  for (const standard of core) {
    if (standard.rating === null) missing.push(standard.missing ?? `${standard.id} has no rating`);
    else score += scoreOf(standard.rating);
  }
  if (missing.length > 0) {
    return { score: null, maxScore, rating: null, uncappedRating: null, isCapped: false, cap: null, missing };
  }
  const uncappedRating = overallBandOf(score);
  if (uncappedRating === 'outstanding') {
    // Only an Outstanding score can be changed by 4.1 (the limiting judgement), so only then
    // does the overall rating wait for it.
    for (const standard of separate) {
      if (standard.isRated && standard.rating === null) {
        missing.push(
          `${standard.missing ?? `${standard.id} has no judgement`}: with a score of ${score} the overall rating is Outstanding unless ${standard.id} is rated Inadequate`,
        );
      }
    }
    if (missing.length > 0) return { score, maxScore, rating: null, uncappedRating, isCapped: false, cap: null, missing };
  }
  let rating: Rating = uncappedRating;
  let cap: string | null = null;
  const inadequate = separate.find((s) => s.isRated && s.rating === 'inadequate');
  if (inadequate && uncappedRating === 'outstanding') {
    rating = 'good';
    cap = `${inadequate.id} is rated Inadequate, so the overall rating cannot be Outstanding: a score of ${score} is capped at Good`;
  }
  return { score, maxScore, rating, uncappedRating, isCapped: cap !== null, cap, missing };
}
