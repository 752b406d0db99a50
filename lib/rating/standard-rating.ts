/**
 * A case-marked standard's computed rating: the band of its lowest key question.
 *
 * "For each standard, the rating is aligned to the lowest banding at the key question level,
 * recognising that each key question is an integral part of the standard" — Blackpool 2021
 * (000_c1174f08f6b47fac.txt), Annexe 1 "Ratings explained"; Leicestershire 2021
 * (004_46eac8fc65744bcf.txt), Annexe 2: "if we rate three key questions as 'Good' and one as
 * 'Inadequate', the overall rating for that standard is 'Inadequate'."
 *
 * Prompt percentages are computed the same way and shown, but never used for the rating:
 * "there is no mechanistic connection between the proportion of prompt questions answered
 * positively, and the overall score at the key question level" (Blackpool 2021, Annexe 2).
 */
import type { KeyQuestion, Rating, Standard } from '@/lib/framework/types';
import { bandOf } from './bands';
import { questionFigures, type QuestionCounts, type QuestionFigures } from './key-question';

export interface KeyQuestionResult extends QuestionFigures {
  id: string;
  shortLabel: string;
  /** The band of pct; null when the key question has no relevant cases. */
  band: Rating | null;
}

export interface CaseMarkedComputation {
  /** Band of the lowest key question; null when no key question has a relevant case. */
  computedRating: Rating | null;
  /** The key question that set the rating (lowest %, then lowest exact fraction, then printed order). */
  lowestKeyQuestion: string | null;
  /** Why computedRating is null. */
  notRatableReason: string | null;
  /** In printed order. */
  keyQuestions: Record<string, KeyQuestionResult>;
  /** Illustrative only, in printed order. */
  prompts: Record<string, QuestionFigures>;
}

/** "2.1.3 (Keeping other people safe)": how reasons and messages name a key question. */
export function describeKeyQuestion(keyQuestion: Pick<KeyQuestion, 'id' | 'shortLabel'>): string {
  return keyQuestion.shortLabel ? `${keyQuestion.id} (${keyQuestion.shortLabel})` : keyQuestion.id;
}

export function keyQuestionResult(keyQuestion: KeyQuestion, counts: QuestionCounts): KeyQuestionResult {
  const figures = questionFigures(counts[keyQuestion.id]);
  return {
    id: keyQuestion.id,
    shortLabel: keyQuestion.shortLabel,
    ...figures,
    band: figures.pct === null ? null : bandOf(figures.pct),
  };
}

/** Negative when a is lower than b (whole %, then exact yes ÷ relevant). Both must have a pct. */
function compareLow(a: KeyQuestionResult, b: KeyQuestionResult): number {
  if (a.pct !== b.pct) return (a.pct as number) - (b.pct as number);
  // Same whole percentage: compare yes_a/relevant_a with yes_b/relevant_b exactly.
  return a.yes * b.relevant - b.yes * a.relevant;
}

/**
 * The lowest of the key questions that have relevant cases, or null when none has.
 * Key questions with no relevant cases are ignored (an empty sub-sample says nothing).
 * Ties keep the first in printed order.
 */
function lowestKeyQuestionOf(results: readonly KeyQuestionResult[]): KeyQuestionResult | null {
  let lowest: KeyQuestionResult | null = null;
  for (const result of results) {
    if (result.pct === null) continue;
    if (lowest === null || compareLow(result, lowest) < 0) lowest = result;
  }
  return lowest;
}

/**
 * The standard's band from given key-question results (used for "what if" recomputation by
 * the discretion flags): the band of the lowest; null when none has a relevant case.
 */
export function standardBandOf(results: readonly KeyQuestionResult[]): Rating | null {
  const lowest = lowestKeyQuestionOf(results);
  return lowest ? lowest.band : null;
}

/**
 * Rates a case-marked standard from per-question counts. Counts for other ids are ignored.
 * With no relevant case on any key question the standard is not ratable: computedRating
 * null with a reason (never Inadequate by default).
 */
export function rateCaseMarkedStandard(standard: Standard, counts: QuestionCounts): CaseMarkedComputation {
  const keyQuestions: Record<string, KeyQuestionResult> = {};
  const prompts: Record<string, QuestionFigures> = {};
  const results: KeyQuestionResult[] = [];
  for (const keyQuestion of standard.keyQuestions) {
    const result = keyQuestionResult(keyQuestion, counts);
    keyQuestions[keyQuestion.id] = result;
    results.push(result);
    for (const prompt of keyQuestion.prompts) prompts[prompt.id] = questionFigures(counts[prompt.id]);
  }
  const lowest = lowestKeyQuestionOf(results);
  return {
    computedRating: lowest ? lowest.band : null,
    lowestKeyQuestion: lowest ? lowest.id : null,
    notRatableReason: lowest
      ? null
      : `${standard.id} cannot be rated yet: none of its key questions has a relevant case (a case judged 'yes' or 'no')`,
    keyQuestions,
    prompts,
  };
}
