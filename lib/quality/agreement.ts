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
 * - Fleiss, J. L., Cohen, J. and Everitt, B. S. (1969) "Large sample standard errors of kappa and
 *   weighted kappa", Psychological Bulletin 72(5), 323–327: the standard error of kappa (not
 *   assuming kappa is 0), hence the 95% confidence interval κ ± 1.96·SE.
 * - Byrt, T., Bishop, J. and Carlin, J. B. (1993) "Bias, prevalence and kappa", Journal of
 *   Clinical Epidemiology 46(5), 423–429: PABAK, the prevalence- and bias-adjusted kappa,
 *   2po − 1 for two categories; for k categories (k·po − 1)/(k − 1).
 * - Gwet, K. L. (2008) "Computing inter-rater reliability and its variance in the presence of
 *   high agreement", British Journal of Mathematical and Statistical Psychology 61(1), 29–48:
 *   AC1 = (po − pe)/(1 − pe) with pe = Σ πq(1 − πq)/(k − 1), πq the mean of the two markers'
 *   proportions answering q.
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

/** How many pairs fell in each cell: `cells[first][second]`, with each marker's answer counts. */
export interface CrossTable {
  /** The categories of the scale compared, in display order (Yes, No, Not applicable). */
  categories: readonly Category[];
  cells: Record<Category, Record<Category, number>>;
  /** How often the first marker gave each answer (the row totals). */
  firstCounts: Record<Category, number>;
  /** How often the second marker gave each answer (the column totals). */
  secondCounts: Record<Category, number>;
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
  /** pe, 0–1, the agreement expected by chance from the two markers' answer counts; null when n = 0. */
  expectedAgreement: number | null;
  /** Large-sample standard error of kappa (Fleiss, Cohen & Everitt 1969); null when kappa is. */
  standardError: number | null;
  /** κ ± 1.96·SE, kept within −1 to 1; null when kappa is. */
  confidenceInterval: { lower: number; upper: number } | null;
  /** Prevalence- and bias-adjusted kappa (Byrt, Bishop & Carlin 1993); null when n = 0. */
  pabak: number | null;
  /** Gwet's AC1 (2008); null when n = 0. */
  ac1: number | null;
  crossTable: CrossTable;
  /** Fewer than {@link SMALL_SAMPLE_CASES} double-marked cases. */
  isSmallSample: boolean;
  /** A plain sentence for the lead inspector when the figures need a caveat, else null. */
  warning: string | null;
  /**
   * Why kappa is low although the markers mostly agree (one answer so common that chance alone
   * would agree as often), in plain words; null when that is not the case.
   */
  explanation: string | null;
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

/** The normal quantile for a two-sided 95% interval. */
const Z_95 = 1.959963984540054;

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

/** Every word kappaStrength can give, weakest first, for the page's key. */
export const STRENGTH_WORDS = ['poor', ...STRENGTH_BANDS.map((band) => band.strength)] as const;

export function kappaStrength(kappa: number): string {
  if (kappa < 0) return 'poor';
  for (const band of STRENGTH_BANDS) if (kappa <= band.upTo) return band.strength;
  return 'almost perfect';
}

const CATEGORY_WORDS: Record<Category, string> = ANSWER_LABELS;

/** The full scale of a key-question judgement. */
export const ALL_CATEGORIES: readonly Category[] = ['yes', 'no', 'na'];

function casesWord(count: number): string {
  return count === 1 ? '1 double-marked case' : `${count} double-marked cases`;
}

function zeroCounts(): Record<Category, number> {
  return { yes: 0, no: 0, na: 0 };
}

/** The cross-table of the pairs over `categories` (a pair outside them is a caller's bug and throws). */
function crossTabulate(pairs: readonly RatedPair[], categories: readonly Category[] = ALL_CATEGORIES): CrossTable {
  const cells: Record<Category, Record<Category, number>> = { yes: zeroCounts(), no: zeroCounts(), na: zeroCounts() };
  const firstCounts = zeroCounts();
  const secondCounts = zeroCounts();
  for (const { first, second } of pairs) {
    if (!categories.includes(first) || !categories.includes(second)) {
      throw new Error(`An answer ${first}/${second} is outside the scale compared (${categories.join(', ')})`);
    }
    cells[first][second] += 1;
    firstCounts[first] += 1;
    secondCounts[second] += 1;
  }
  return { categories, cells, firstCounts, secondCounts };
}

/**
 * Fleiss, Cohen & Everitt (1969), eq. 13 (Fleiss, Levin & Paik 2003, eq. 18.15): with pij the
 * cell proportions, pi. and p.j the first and second marker's proportions,
 *   Var(κ) = [Σi pii(1 − (pi. + p.i)(1 − κ))² + (1 − κ)² Σi≠j pij(p.i + pj.)² − (κ − pe(1 − κ))²] / (n(1 − pe)²).
 */
function kappaStandardError(table: CrossTable, n: number, kappa: number, pe: number): number {
  const p = (count: number) => count / n;
  let diagonal = 0;
  let offDiagonal = 0;
  for (const i of table.categories) {
    for (const j of table.categories) {
      const pij = p(table.cells[i][j]);
      if (pij === 0) continue;
      if (i === j) diagonal += pij * (1 - (p(table.firstCounts[i]) + p(table.secondCounts[i])) * (1 - kappa)) ** 2;
      else offDiagonal += pij * (p(table.secondCounts[i]) + p(table.firstCounts[j])) ** 2;
    }
  }
  const variance = (diagonal + (1 - kappa) ** 2 * offDiagonal - (kappa - pe * (1 - kappa)) ** 2) / (n * (1 - pe) ** 2);
  // Rounding can leave −1e−17 for perfect agreement, where the variance is exactly 0.
  return Math.sqrt(Math.max(0, variance));
}

/** The percentage as a whole number for a sentence: 75, or 99.5 → "99.5" rather than "100". */
function percentWords(value: number): string {
  const rounded = Math.round(value);
  return rounded === 100 && value < 100 ? value.toFixed(1) : String(rounded);
}

/**
 * Kappa at or below this while the markers agree at least {@link HIGH_AGREEMENT_PERCENT}% of the
 * time is the "kappa paradox" (Feinstein & Cicchetti 1990): say why, in words, beside the number.
 */
const LOW_KAPPA = 0.2;
const HIGH_AGREEMENT_PERCENT = 70;

/**
 * Percentage agreement, Cohen's kappa with its standard error and 95% interval, PABAK and Gwet's
 * AC1 over `categories` (default Yes, No, Not applicable: k = 3 for PABAK and AC1; the judgement
 * alone passes Yes and No). The kappa sums are kept in whole numbers and divided once,
 * κ = (n·agreed − Σ r·c) / (n² − Σ r·c) with r and c the first and second marker's counts per
 * category, so the textbook examples come out exact (0.4, not 0.39999999999999997) and land in
 * the right Landis & Koch band.
 *
 * `caseCount` is how many double-marked cases the pairs come from, for the small-sample
 * warning; it defaults to n (one pair per case, as for a single key question).
 */
export function agreementStats(
  pairs: readonly RatedPair[],
  options: { caseCount?: number; categories?: readonly Category[]; words?: Partial<Record<Category, string>> } = {},
): AgreementStats {
  const n = pairs.length;
  const caseCount = options.caseCount ?? n;
  const categories = options.categories ?? ALL_CATEGORIES;
  const words = { ...CATEGORY_WORDS, ...options.words };
  const crossTable = crossTabulate(pairs, categories);
  if (n === 0) {
    return {
      n: 0,
      agreed: 0,
      percentAgreement: null,
      kappa: null,
      expectedAgreement: null,
      standardError: null,
      confidenceInterval: null,
      pabak: null,
      ac1: null,
      crossTable,
      isSmallSample: true,
      warning: 'No double-marked cases yet: there is nothing to compare.',
      explanation: null,
      strength: null,
    };
  }

  let agreed = 0;
  let chanceProducts = 0; // Σ r·c = n²·pe
  let gwetChance = 0; // Σ πq(1 − πq)
  for (const category of categories) {
    agreed += crossTable.cells[category][category];
    chanceProducts += crossTable.firstCounts[category] * crossTable.secondCounts[category];
    const share = (crossTable.firstCounts[category] + crossTable.secondCounts[category]) / (2 * n);
    gwetChance += share * (1 - share);
  }
  const nSquared = n * n;
  const k = categories.length;
  const po = agreed / n;
  const pe = chanceProducts / nSquared;

  const warnings: string[] = [];
  const isSmallSample = caseCount < SMALL_SAMPLE_CASES;
  if (isSmallSample) warnings.push(`Only ${casesWord(caseCount)}: too few for the agreement figures to mean much.`);

  let kappa: number | null = null;
  let standardError: number | null = null;
  if (chanceProducts === nSquared) {
    // pe = 1 only when both markers gave one and the same answer every time: agreement is perfect
    // but there was nothing to disagree about, and kappa is 0/0.
    const only = categories.find((category) => crossTable.firstCounts[category] > 0);
    const word = only ? words[only] : 'the same answer';
    warnings.push(
      `Both inspectors answered ${word} every time: they agree on all of them, but kappa cannot be calculated when every answer is the same.`,
    );
  } else {
    kappa = (n * agreed - chanceProducts) / (nSquared - chanceProducts);
    standardError = kappaStandardError(crossTable, n, kappa, pe);
  }
  const gwetPe = k > 1 ? gwetChance / (k - 1) : 1;
  const ac1 = gwetPe === 1 ? null : (po - gwetPe) / (1 - gwetPe);
  const pabak = k > 1 ? (k * po - 1) / (k - 1) : null;

  let explanation: string | null = null;
  const percentAgreement = (100 * agreed) / n;
  if (kappa !== null && kappa <= LOW_KAPPA && percentAgreement >= HIGH_AGREEMENT_PERCENT) {
    const commonest = [...categories].sort(
      (a, b) => crossTable.firstCounts[b] + crossTable.secondCounts[b] - (crossTable.firstCounts[a] + crossTable.secondCounts[a]),
    )[0];
    const share = commonest ? (100 * (crossTable.firstCounts[commonest] + crossTable.secondCounts[commonest])) / (2 * n) : 0;
    explanation =
      `Kappa is ${kappa.toFixed(2)} although the inspectors gave the same answer ${percentWords(percentAgreement)}% of the time: ` +
      `${commonest ? words[commonest] : 'one answer'} was ${percentWords(share)}% of all their answers, so two inspectors ` +
      `answering at those rates would agree ${percentWords(100 * pe)}% of the time by chance alone, and kappa counts only agreement beyond that. ` +
      `Gwet's AC1${ac1 === null ? '' : ` (${ac1.toFixed(2)})`} and PABAK${pabak === null ? '' : ` (${pabak.toFixed(2)})`} do not depend on how common each answer is.`;
  }

  return {
    n,
    agreed,
    percentAgreement,
    kappa,
    expectedAgreement: pe,
    standardError,
    confidenceInterval:
      kappa === null || standardError === null
        ? null
        : { lower: Math.max(-1, kappa - Z_95 * standardError), upper: Math.min(1, kappa + Z_95 * standardError) },
    pabak,
    ac1,
    crossTable,
    isSmallSample,
    warning: warnings.length > 0 ? warnings.join(' ') : null,
    explanation,
    strength: kappa === null ? null : kappaStrength(kappa),
  };
}

/**
 * Agreement on whether a key question applies to the case (Yes or No against Not applicable),
 * and, on the pairs where both markers judged it to apply, agreement on the judgement (Yes
 * against No). Pooled together, an applicability disagreement and a judgement disagreement
 * look alike; a quality lead needs to know which it is (the first is about the case file, the
 * second about the standard of work).
 */
export function applicabilityAndJudgement(pairs: readonly (RatedPair & { caseId?: string })[]): {
  applicability: AgreementStats;
  judgement: AgreementStats;
} {
  const applies = (value: Category): Category => (value === 'na' ? 'na' : 'yes');
  const applicability = agreementStats(
    pairs.map((pair) => ({ first: applies(pair.first), second: applies(pair.second) })),
    { caseCount: countCases(pairs), categories: ['yes', 'na'], words: { yes: 'that it applies' } },
  );
  const bothApply = pairs.filter((pair) => pair.first !== 'na' && pair.second !== 'na');
  const judgement = agreementStats(bothApply, { caseCount: countCases(bothApply), categories: ['yes', 'no'] });
  return { applicability, judgement };
}

/** Distinct cases among the pairs when they name them, else one case per pair. */
function countCases(pairs: readonly { caseId?: string }[]): number {
  return pairs.every((pair) => pair.caseId !== undefined) ? new Set(pairs.map((pair) => pair.caseId)).size : pairs.length;
}

/** Agreement over a group of pairs: on the full answer, on whether the question applies, and on the judgement where it does. */
export interface GroupAgreement {
  all: AgreementStats;
  applicability: AgreementStats;
  judgement: AgreementStats;
}

/** One inspector pair's figures: the case's inspector (first marking) and the second marker. */
export interface InspectorPairAgreement {
  firstInspector: string;
  secondInspector: string;
  agreement: GroupAgreement;
}

/** The three figures of a group; the small-sample warning counts distinct cases. */
export function groupAgreement(pairs: readonly QuestionPair[]): GroupAgreement {
  return { all: agreementStats(pairs, { caseCount: countCases(pairs) }), ...applicabilityAndJudgement(pairs) };
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
 * Agreement per key question, per standard and over the whole inspection, and the
 * disagreements to reconcile. A standard pools the pairs of its key questions (whatever
 * questions the caller passes for it); its small-sample warning counts distinct cases, not
 * pooled answers, since three key questions on four cases are still four cases. Both maps
 * iterate in framework order (standard, question) and the disagreements are ordered by
 * standard, question, case. The same question on the same case twice is a caller's bug (it
 * would count the case twice) and throws.
 */
export function agreementTable(pairs: readonly QuestionPair[]): {
  byQuestion: Map<string, GroupAgreement>;
  byStandard: Map<string, GroupAgreement>;
  overall: GroupAgreement;
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

  const byQuestion = new Map<string, GroupAgreement>();
  for (const [questionId, group] of questionPairs) byQuestion.set(questionId, groupAgreement(group));
  const byStandard = new Map<string, GroupAgreement>();
  for (const [standardId, group] of standardPairs) byStandard.set(standardId, groupAgreement(group));
  const disagreements = sorted.filter((pair) => pair.first !== pair.second);
  return { byQuestion, byStandard, overall: groupAgreement(sorted), disagreements };
}
