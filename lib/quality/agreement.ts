/**
 * Agreement between the first and the blind second marking of the same cases (issue 13): how
 * often the two inspectors gave the same answer, and Cohen's kappa, which discounts the
 * agreement two markers would reach by chance given how often each of them answers Yes, No or
 * Not applicable. Pure: the same figures serve the quality page, the export and the tests.
 *
 * Sources:
 * - Cohen, J. (1960) "A coefficient of agreement for nominal scales", Educational and
 *   Psychological Measurement 20(1), 37–46: κ = (po − pe) / (1 − pe), with pe the sum over the
 *   categories of the product of the two raters' marginal proportions.
 * - Landis, J. R. and Koch, G. G. (1977) "The measurement of observer agreement for categorical
 *   data", Biometrics 33(1), 159–174, p. 165: the words for the strength of agreement.
 * - Worked example (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ 0.40): Wikipedia,
 *   "Cohen's kappa", section "Simple example".
 */
import { ANSWER_LABELS } from '@/lib/format/labels';

export type Category = 'yes' | 'no' | 'na';

/** One question on one case, answered by both markers. Unanswered questions are left out by the caller. */
export interface RatedPair {
  first: Category;
  second: Category;
}

export interface AgreementStats {
  /** Pairs compared (for a key question: double-marked cases; for a standard: answers pooled over its key questions). */
  n: number;
  /** Pairs where both markers gave the same answer. */
  agreed: number;
  /** 0–100, not rounded; null when n = 0. */
  percentAgreement: number | null;
  /** Cohen's kappa, −1 to 1; null when n = 0 or when chance agreement is certain (pe = 1). */
  kappa: number | null;
  /** pe, 0–1; null when n = 0. */
  expectedAgreement: number | null;
  /** Fewer than {@link SMALL_SAMPLE_CASES} double-marked cases. */
  isSmallSample: boolean;
  /** A plain sentence for the lead inspector when the figures need a caveat, else null. */
  warning: string | null;
  /** Landis & Koch's word for kappa ("moderate"); null when kappa is null. */
  strength: string | null;
}

/**
 * Below this many double-marked cases the figures carry a warning. With fewer than 10 cases one
 * case changes percentage agreement by more than 10 points, and kappa (when pe is near 0.5) by
 * about 0.2, the width of a Landis & Koch band, so the word describing agreement can flip on a
 * single answer. The large-sample standard error of kappa (Fleiss, Cohen and Everitt (1969),
 * Psychological Bulletin 72(5), 323–327) is about √(po(1 − po)/n)/(1 − pe): for po 0.8, pe 0.5
 * and n 9 that is ±0.27, wider than a band. Ten is a floor, not a sign that ten is enough.
 */
export const SMALL_SAMPLE_CASES = 10;

/**
 * Landis & Koch (1977), p. 165: <0.00 poor, 0.00–0.20 slight, 0.21–0.40 fair, 0.41–0.60 moderate,
 * 0.61–0.80 substantial, 0.81–1.00 almost perfect. Their table is in two decimals; a kappa
 * between two printed bounds (0.205) takes the lower band, so 0.20 is slight and 0.40 is fair.
 */
const STRENGTH_BANDS = [
  { upTo: 0.2, strength: 'slight' },
  { upTo: 0.4, strength: 'fair' },
  { upTo: 0.6, strength: 'moderate' },
  { upTo: 0.8, strength: 'substantial' },
  { upTo: 1, strength: 'almost perfect' },
] as const;

export function kappaStrength(kappa: number): string {
  if (kappa < 0) return 'poor';
  for (const band of STRENGTH_BANDS) if (kappa <= band.upTo) return band.strength;
  return 'almost perfect';
}

const CATEGORY_WORDS: Record<Category, string> = ANSWER_LABELS;

function casesWord(count: number): string {
  return count === 1 ? '1 double-marked case' : `${count} double-marked cases`;
}

/**
 * Percentage agreement and Cohen's kappa over the categories that occur. The sums are kept in
 * whole numbers and divided once, κ = (n·agreed − Σ r·c) / (n² − Σ r·c) with r and c the
 * first and second marker's counts per category, so the textbook examples come out exact
 * (0.4, not 0.39999999999999997) and land in the right Landis & Koch band.
 *
 * `caseCount` is how many double-marked cases the pairs come from, for the small-sample
 * warning; it defaults to n (one pair per case, as for a single key question).
 */
export function agreementStats(pairs: readonly RatedPair[], options: { caseCount?: number } = {}): AgreementStats {
  const n = pairs.length;
  const caseCount = options.caseCount ?? n;
  if (n === 0) {
    return {
      n: 0,
      agreed: 0,
      percentAgreement: null,
      kappa: null,
      expectedAgreement: null,
      isSmallSample: true,
      warning: 'No double-marked cases yet: there is nothing to compare.',
      strength: null,
    };
  }

  const firstCounts = new Map<Category, number>();
  const secondCounts = new Map<Category, number>();
  let agreed = 0;
  for (const { first, second } of pairs) {
    if (first === second) agreed += 1;
    firstCounts.set(first, (firstCounts.get(first) ?? 0) + 1);
    secondCounts.set(second, (secondCounts.get(second) ?? 0) + 1);
  }
  let chanceProducts = 0; // Σ r·c = n²·pe
  for (const [category, r] of firstCounts) chanceProducts += r * (secondCounts.get(category) ?? 0);
  const nSquared = n * n;

  const warnings: string[] = [];
  const isSmallSample = caseCount < SMALL_SAMPLE_CASES;
  if (isSmallSample) warnings.push(`Only ${casesWord(caseCount)}: too few for the agreement figures to mean much.`);

  let kappa: number | null = null;
  if (chanceProducts === nSquared) {
    // pe = 1 only when both markers gave one and the same answer every time: agreement is perfect
    // but there was nothing to disagree about, and kappa is 0/0.
    const only = [...firstCounts.keys()][0];
    const word = only ? CATEGORY_WORDS[only] : 'the same answer';
    warnings.push(
      `Both inspectors answered ${word} every time: they agree on all of them, but kappa cannot be calculated when every answer is the same.`,
    );
  } else {
    kappa = (n * agreed - chanceProducts) / (nSquared - chanceProducts);
  }

  return {
    n,
    agreed,
    percentAgreement: (100 * agreed) / n,
    kappa,
    expectedAgreement: chanceProducts / nSquared,
    isSmallSample,
    warning: warnings.length > 0 ? warnings.join(' ') : null,
    strength: kappa === null ? null : kappaStrength(kappa),
  };
}

/** One key question on one case, as both markers answered it. */
export interface QuestionPair extends RatedPair {
  caseId: string;
  questionId: string;
  standardId: string;
}

/** Natural order for framework ids and case ids: "2.1.2" before "2.1.10". */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}

function comparePairs(a: QuestionPair, b: QuestionPair): number {
  return compareIds(a.standardId, b.standardId) || compareIds(a.questionId, b.questionId) || compareIds(a.caseId, b.caseId);
}

/**
 * Agreement per key question and per standard, and the disagreements to reconcile. A standard
 * pools the pairs of its key questions (whatever questions the caller passes for it); its
 * small-sample warning counts distinct cases, not pooled answers, since three key questions on
 * four cases are still four cases. Both maps iterate in framework order (standard, question) and
 * the disagreements are ordered by standard, question, case. The same question on the same
 * case twice is a caller's bug (it would count the case twice) and throws.
 */
export function agreementTable(pairs: readonly QuestionPair[]): {
  byQuestion: Map<string, AgreementStats>;
  byStandard: Map<string, AgreementStats>;
  disagreements: QuestionPair[];
} {
  const sorted = [...pairs].sort(comparePairs);
  const questionPairs = new Map<string, QuestionPair[]>();
  const standardPairs = new Map<string, QuestionPair[]>();
  const seen = new Set<string>();
  for (const pair of sorted) {
    const key = `${pair.caseId}\u0000${pair.questionId}`;
    if (seen.has(key)) throw new Error(`Question ${pair.questionId} on case ${pair.caseId} is compared twice`);
    seen.add(key);
    const forQuestion = questionPairs.get(pair.questionId);
    if (forQuestion) forQuestion.push(pair);
    else questionPairs.set(pair.questionId, [pair]);
    const forStandard = standardPairs.get(pair.standardId);
    if (forStandard) forStandard.push(pair);
    else standardPairs.set(pair.standardId, [pair]);
  }

  const byQuestion = new Map<string, AgreementStats>();
  for (const [questionId, group] of questionPairs) byQuestion.set(questionId, agreementStats(group));
  const byStandard = new Map<string, AgreementStats>();
  for (const [standardId, group] of standardPairs) {
    const caseCount = new Set(group.map((pair) => pair.caseId)).size;
    byStandard.set(standardId, agreementStats(group, { caseCount }));
  }
  const disagreements = sorted.filter((pair) => pair.first !== pair.second);
  return { byQuestion, byStandard, disagreements };
}
