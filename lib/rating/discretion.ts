/**
 * Discretion flags: when the ratings panel may consider professional discretion on a
 * case-marked standard. They only inform; nothing here changes a rating.
 *
 * "An element of professional discretion may be applied to the standards ratings in domains
 * two and three. Exceptionally, the ratings panel considers whether professional discretion
 * should be exercised where the lowest percentage at the key question level is close to the
 * rating boundary … (specifically, within five percentage points of the boundary; or where a
 * differing judgement in one case would result in a change in rating; or where the rating is
 * based upon a sample or sub-sample of five cases or fewer)."
 *   — Blackpool 2021 (000_c1174f08f6b47fac.txt), Annexe 1; Wigan 2021 (001_f9e6377b473ce7bd.txt), Annexe 1.
 */
import type { Rating } from '@/lib/framework/types';
import { BAND_BOUNDARIES, RATING_WORDS, bandOf } from './bands';
import { percentageOf } from './key-question';
import { describeKeyQuestion, standardBandOf, type CaseMarkedComputation, type KeyQuestionResult } from './standard-rating';

type DiscretionCode = 'near_boundary' | 'one_case_flips' | 'small_sample';

/** "within five percentage points of the boundary" (Blackpool 2021, Annexe 1): inclusive. */
const NEAR_BOUNDARY_POINTS = 5;
/** "a sample or sub-sample of five cases or fewer" (Blackpool 2021, Annexe 1). */
const SMALL_SAMPLE_CASES = 5;

interface FlipChange {
  keyQuestionId: string;
  /** one_more_yes: a 'no' judged 'yes' instead; one_fewer_yes: a 'yes' judged 'no' instead. */
  direction: 'one_more_yes' | 'one_fewer_yes';
  /** The key question's percentage after the change. */
  pct: number;
  /** The standard's rating after the change. */
  rating: Rating;
}

export interface DiscretionFlag {
  code: DiscretionCode;
  /** Plain English, naming the key questions. */
  reason: string;
  /** The key questions concerned. */
  keyQuestionIds: string[];
  /** one_case_flips only: each single changed judgement that would change the rating. */
  changes?: FlipChange[];
}

function points(n: number): string {
  return n === 1 ? '1 point' : `${n} points`;
}

function cases(n: number): string {
  return n === 1 ? '1 relevant case' : `${n} relevant cases`;
}

/**
 * near_boundary: the lowest key-question percentage (the whole, printed one) is within 5
 * points, inclusive, of a band boundary (50, 65 or 80), on either side: 45–55, 60–70 and 75–85
 * are near; 56–59 and 71–74 are not; 44 and below and 86 and above are not. Names the nearest
 * boundary. Null when the standard has no lowest key question.
 */
export function nearBoundaryFlag(lowest: KeyQuestionResult | null): DiscretionFlag | null {
  if (!lowest || lowest.pct === null) return null;
  const pct = lowest.pct;
  let nearest: (typeof BAND_BOUNDARIES)[number] | null = null;
  for (const boundary of BAND_BOUNDARIES) {
    if (Math.abs(pct - boundary.pct) > NEAR_BOUNDARY_POINTS) continue;
    if (!nearest || Math.abs(pct - boundary.pct) < Math.abs(pct - nearest.pct)) nearest = boundary;
  }
  if (!nearest) return null;
  const distance = Math.abs(pct - nearest.pct);
  const between = `the ${nearest.pct}% boundary between ${RATING_WORDS[nearest.below]} and ${RATING_WORDS[nearest.above]}`;
  const where = distance === 0 ? `is exactly on ${between}` : `is ${points(distance)} ${pct < nearest.pct ? 'below' : 'above'} ${between}`;
  return {
    code: 'near_boundary',
    reason: `The lowest key-question percentage, ${pct}% on ${describeKeyQuestion(lowest)}, ${where}.`,
    keyQuestionIds: [lowest.id],
  };
}

/**
 * one_case_flips: would a different judgement in one case change the standard's band? For each
 * key question with relevant cases, tries one more 'yes' (a 'no' turned 'yes'; needs a 'no')
 * and one fewer 'yes' (a 'yes' turned 'no'; needs a 'yes'), recomputes that key question's
 * band and the standard's band (lowest of all), and reports every change that differs from the
 * computed rating. The sub-sample stays the same size (a 'na' turned 'yes'/'no' is not tried).
 */
function oneCaseFlipsFlag(results: readonly KeyQuestionResult[], computedRating: Rating | null): DiscretionFlag | null {
  if (computedRating === null) return null;
  const changes: FlipChange[] = [];
  results.forEach((result, index) => {
    if (result.relevant === 0) return;
    const tries: { direction: FlipChange['direction']; yes: number }[] = [];
    if (result.no > 0) tries.push({ direction: 'one_more_yes', yes: result.yes + 1 });
    if (result.yes > 0) tries.push({ direction: 'one_fewer_yes', yes: result.yes - 1 });
    for (const attempt of tries) {
      const pct = percentageOf(attempt.yes, result.relevant) as number;
      const changed: KeyQuestionResult = {
        ...result,
        yes: attempt.yes,
        no: result.relevant - attempt.yes,
        pct,
        fraction: { numerator: attempt.yes, denominator: result.relevant },
        band: bandOf(pct),
      };
      const rating = standardBandOf(results.map((r, i) => (i === index ? changed : r)));
      if (rating !== null && rating !== computedRating) {
        changes.push({ keyQuestionId: result.id, direction: attempt.direction, pct, rating });
      }
    }
  });
  if (changes.length === 0) return null;
  const byId = new Map(results.map((r) => [r.id, r]));
  const parts = changes.map((change) => {
    const kq = byId.get(change.keyQuestionId) as KeyQuestionResult;
    const what = change.direction === 'one_more_yes' ? "one more 'yes'" : "one fewer 'yes'";
    return `${what} on ${describeKeyQuestion(kq)} would make it ${RATING_WORDS[change.rating]}`;
  });
  return {
    code: 'one_case_flips',
    reason: `A different judgement in one case would change the rating (${RATING_WORDS[computedRating]}): ${parts.join('; ')}.`,
    keyQuestionIds: [...new Set(changes.map((c) => c.keyQuestionId))],
    changes,
  };
}

/**
 * small_sample: some key question rests on 1 to 5 relevant cases (inclusive). Key questions
 * with no relevant case are ignored (they do not count towards the rating at all).
 */
function smallSampleFlag(results: readonly KeyQuestionResult[]): DiscretionFlag | null {
  const small = results.filter((r) => r.relevant >= 1 && r.relevant <= SMALL_SAMPLE_CASES);
  if (small.length === 0) return null;
  return {
    code: 'small_sample',
    reason: `The rating rests on a sample or sub-sample of ${SMALL_SAMPLE_CASES} cases or fewer: ${small
      .map((r) => `${describeKeyQuestion(r)} has ${cases(r.relevant)}`)
      .join('; ')}.`,
    keyQuestionIds: small.map((r) => r.id),
  };
}

/**
 * Every discretion flag of a case-marked standard, in the order near_boundary, one_case_flips,
 * small_sample. None when the standard is not ratable.
 */
export function discretionFlags(computation: CaseMarkedComputation): DiscretionFlag[] {
  if (computation.computedRating === null) return [];
  const results = Object.values(computation.keyQuestions);
  const lowest = computation.lowestKeyQuestion ? (computation.keyQuestions[computation.lowestKeyQuestion] ?? null) : null;
  return [nearBoundaryFlag(lowest), oneCaseFlipsFlag(results, computation.computedRating), smallSampleFlag(results)].filter(
    (flag): flag is DiscretionFlag => flag !== null,
  );
}
