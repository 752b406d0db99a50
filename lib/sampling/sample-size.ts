/**
 * How many cases to inspect from each population. Pure.
 *
 * Every report's methodology annexe: "The sample size was set to achieve a confidence level of
 * 80 per cent (with a margin of error of five)" (Blackpool 2021, Wigan 2021, Dudley 2019,
 * Leicestershire 2021 — 000_c1174f08f6b47fac.txt, 001_f9e6377b473ce7bd.txt,
 * 002_b3ff77846e023e08.txt, 004_46eac8fc65744bcf.txt). For a proportion that is Cochran's
 * formula with the finite population correction:
 *
 *   n0 = z² · p(1 − p) / e²        z = 1.2816 (80 per cent, two-sided), p = 0.5, e = 0.05
 *   n  = n0 / (1 + (n0 − 1) / N)   N = the eligible population; rounded up to a whole case
 *
 * p = 0.5 is the most cautious assumption (the largest sample). n0 = 164.249856.
 */
import type { CaseType } from '@/lib/framework/types';

export const CONFIDENCE_Z = 1.2816;
export const ASSUMED_PROPORTION = 0.5;
export const MARGIN_OF_ERROR = 0.05;

/** n0: the sample an unlimited population would need. */
export const UNCORRECTED_SAMPLE_SIZE = (CONFIDENCE_Z ** 2 * ASSUMED_PROPORTION * (1 - ASSUMED_PROPORTION)) / MARGIN_OF_ERROR ** 2;

interface SampleSizeWorking {
  population: number;
  /** n0 */
  uncorrected: number;
  /** n before rounding up */
  corrected: number;
  /** n: whole cases, never more than the population */
  size: number;
}

/** The sample size for a population of N eligible cases (80% confidence, ±5 points). */
export function computeSampleSize(population: number): SampleSizeWorking {
  if (!Number.isInteger(population) || population < 0) throw new RangeError('population must be a whole number of cases, 0 or more');
  const n0 = UNCORRECTED_SAMPLE_SIZE;
  if (population === 0) return { population, uncorrected: n0, corrected: 0, size: 0 };
  const corrected = n0 / (1 + (n0 - 1) / population);
  // 1e-9 absorbs floating-point dust, so an exact whole number is not rounded up past itself.
  return { population, uncorrected: n0, corrected, size: Math.min(population, Math.ceil(corrected - 1e-9)) };
}

/**
 * The margin of error a sample of `size` from `population` cases actually achieves, at the
 * same 80 per cent confidence and p = 0.5: Cochran's formula solved for e,
 *   n0 = n(N − 1)/(N − n),  e = z·√(p(1 − p)/n0) = z·½·√((N − n)/(n(N − 1)))
 * (0 when every case is taken; null for an empty sample, which estimates nothing). The 60/40
 * rule and an override give sizes the formula did not choose, so the page says what they buy:
 * five out-of-court cases of, say, 20 eligible give ±25.5 points, not ±5.
 */
export function achievedMarginOfError(size: number, population: number): number | null {
  if (size <= 0 || population <= 0) return null;
  if (size >= population) return 0;
  return (
    CONFIDENCE_Z * Math.sqrt(ASSUMED_PROPORTION * (1 - ASSUMED_PROPORTION)) * Math.sqrt((population - size) / (size * (population - 1)))
  );
}

/**
 * The 60/40 rule for small services: "The sample size was set so that the combined case sample
 * size comprises 60 per cent domain two cases and 40 per cent domain three" (Wigan 2021,
 * 001_f9e6377b473ce7bd.txt). The court sample keeps its size (the formula's, or the lead's
 * override); the out-of-court sample is two thirds of it (40/60), rounded to the nearest whole
 * case and never more than the out-of-court cases eligible. Wigan examined 9 court and 5
 * out-of-court cases: two thirds of 9 is 6, so five is what the rule gives only if just five
 * out-of-court cases were eligible (the report does not say); otherwise the split was not 60/40.
 */
export function sixtyFortyOutOfCourtSize(courtSize: number, outOfCourtPopulation: number): number {
  return Math.min(outOfCourtPopulation, Math.round((courtSize * 40) / 60));
}

/**
 * Resettlement cases (July 2021 standards) are "a small illustrative set", not a statistical
 * sample: Leicestershire 2021 (004_46eac8fc65744bcf.txt) examined four resettlement case files.
 */
const ILLUSTRATIVE_RESETTLEMENT_SIZE = 4;

type SizeRule = 'formula' | 'sixty_forty' | 'illustrative' | 'override';

export interface SizeOverride {
  size: number;
  reason: string;
}

export interface PopulationSize {
  type: CaseType;
  eligible: number;
  /** What the rule gives before any override. */
  computed: number;
  rule: SizeRule;
  /** The rule the computed size came from, when overridden. */
  computedRule: Exclude<SizeRule, 'override'>;
  size: number;
  overrideReason: string | null;
  working: SampleSizeWorking;
  /** The margin of error this size achieves (0–1, at 80% confidence); null for an empty sample. */
  marginOfError: number | null;
  /**
   * The 60/40 rule asked for more out-of-court cases than are eligible, so the combined sample is
   * not 60/40: how many it asked for, else null.
   */
  sixtyFortyShortfall: { asked: number; eligible: number } | null;
}

/**
 * The size of each population's sample: the formula for court and out-of-court cases (or the
 * 60/40 rule for out-of-court cases when chosen), an illustrative four for resettlement cases,
 * and the lead inspector's override where one is recorded (never more than the eligible cases).
 */
export function planSampleSizes(input: {
  eligible: Partial<Record<CaseType, number>>;
  types: readonly CaseType[];
  isSixtyForty: boolean;
  overrides: Partial<Record<CaseType, SizeOverride>>;
}): PopulationSize[] {
  const courtEligible = input.eligible.court ?? 0;
  // The combined sample is 60/40 of the court sample as it will be drawn, override included.
  const courtSize = Math.min(courtEligible, input.overrides.court?.size ?? computeSampleSize(courtEligible).size);
  return input.types.map((type) => {
    const eligible = input.eligible[type] ?? 0;
    const working = computeSampleSize(eligible);
    let computed = working.size;
    let computedRule: PopulationSize['computedRule'] = 'formula';
    let sixtyFortyShortfall: PopulationSize['sixtyFortyShortfall'] = null;
    if (type === 'resettlement') {
      computed = Math.min(eligible, ILLUSTRATIVE_RESETTLEMENT_SIZE);
      computedRule = 'illustrative';
    } else if (type === 'out_of_court' && input.isSixtyForty) {
      computed = sixtyFortyOutOfCourtSize(courtSize, eligible);
      computedRule = 'sixty_forty';
      const asked = Math.round((courtSize * 40) / 60);
      if (asked > eligible) sixtyFortyShortfall = { asked, eligible };
    }
    const override = input.overrides[type];
    if (override) {
      const size = Math.min(eligible, override.size);
      return {
        type,
        eligible,
        computed,
        computedRule,
        rule: 'override',
        size,
        overrideReason: override.reason,
        working,
        marginOfError: achievedMarginOfError(size, eligible),
        sixtyFortyShortfall,
      };
    }
    return {
      type,
      eligible,
      computed,
      computedRule,
      rule: computedRule,
      size: computed,
      overrideReason: null,
      working,
      marginOfError: achievedMarginOfError(computed, eligible),
      sixtyFortyShortfall,
    };
  });
}
