/**
 * Counts → figures for one key question (or prompt, or resettlement aspect).
 *
 * Every report prints a key question as "% yes" of the *relevant* cases: the cases judged
 * "yes" or "no". A case judged not applicable leaves the sub-sample (e.g. Wigan 2021
 * (001_f9e6377b473ce7bd.txt), 2.2: "Of the 7 cases with factors related to keeping other
 * people safe … Relevant cases 7, Number 'Yes' 4"), and an unanswered question is simply not
 * counted: unanswered is not "no".
 */

/** How many cases answered a question each way. Absent values count as 0. */
export interface AnswerCounts {
  yes: number;
  no: number;
  na: number;
}

/** Per question id (key question, prompt or resettlement aspect). */
export type QuestionCounts = Record<string, AnswerCounts>;

/** The exact proportion behind a percentage, e.g. 6 of 11 for the printed 55%. */
interface Fraction {
  numerator: number;
  denominator: number;
}

export interface QuestionFigures {
  yes: number;
  no: number;
  na: number;
  /** yes + no: the (sub-)sample the percentage is taken over. */
  relevant: number;
  /** 100 × yes ÷ relevant, rounded half up to a whole number; null when no case is relevant. */
  pct: number | null;
  /** yes ÷ relevant kept exactly, beside the rounded figure; null when no case is relevant. */
  fraction: Fraction | null;
}

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of cases, 0 or more (got ${value})`);
  }
}

/**
 * Rounds a percentage half up to a whole number, as the reports print them: 64.5 → 65,
 * 49.5 → 50, 54.545… → 55 (Blackpool 2021 (000_c1174f08f6b47fac.txt), 2.2: 6 of 11 printed
 * as 55%), 62.5 → 63 (Dudley 2019 (002_b3ff77846e023e08.txt), Annex 2, 2.1.2: 15 of 24).
 * Use {@link percentageOf} for counts: it is exact, with no floating-point drift.
 */
export function roundHalfUp(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot round ${value}`);
  // The epsilon absorbs representation error (e.g. 64.49999999999999 that is really 64.5).
  return Math.floor(value + 0.5 + 1e-9);
}

/**
 * 100 × yes ÷ relevant rounded half up to a whole number, computed in integers so that an
 * exact half (e.g. 129 of 200 = 64.5%) always rounds up to 65. Null when relevant is 0: a
 * key question with no relevant cases has no percentage (it is not 0%).
 */
export function percentageOf(yes: number, relevant: number): number | null {
  assertCount('yes', yes);
  assertCount('relevant', relevant);
  if (yes > relevant) throw new RangeError(`yes (${yes}) cannot exceed relevant (${relevant})`);
  if (relevant === 0) return null;
  // floor(100·yes/relevant + ½) = floor((200·yes + relevant) / (2·relevant))
  return Math.floor((200 * yes + relevant) / (2 * relevant));
}

/**
 * The figures for one question from its counts. Missing counts (an unanswered question) give
 * relevant 0 and pct null. Throws a RangeError on negative or fractional counts.
 */
export function questionFigures(counts?: Partial<AnswerCounts> | null): QuestionFigures {
  const yes = counts?.yes ?? 0;
  const no = counts?.no ?? 0;
  const na = counts?.na ?? 0;
  assertCount('yes', yes);
  assertCount('no', no);
  assertCount('na', na);
  const relevant = yes + no;
  return {
    yes,
    no,
    na,
    relevant,
    pct: percentageOf(yes, relevant),
    fraction: relevant === 0 ? null : { numerator: yes, denominator: relevant },
  };
}

/** Adds one answer to a counts map (used when tallying cases). */
export function addAnswer(counts: QuestionCounts, questionId: string, value: 'yes' | 'no' | 'na'): void {
  const entry = counts[questionId] ?? (counts[questionId] = { yes: 0, no: 0, na: 0 });
  entry[value] += 1;
}
