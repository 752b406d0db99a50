/**
 * A whole inspection's ratings from per-question counts, judgements and panel decisions. The
 * same function serves the database aggregate, the live preview and the CLI: it reads nothing
 * but its arguments.
 */
import { getFramework, listCoreStandards, listStandards } from '@/lib/framework';
import type { Framework, FrameworkVersion, Rating, Standard } from '@/lib/framework/types';
import { RATING_WORDS, scoreOf } from './bands';
import { discretionFlags, type DiscretionFlag } from './discretion';
import { questionFigures, type QuestionCounts, type QuestionFigures } from './key-question';
import { computeOverall, type OverallResult } from './overall';
import { rateCaseMarkedStandard, type KeyQuestionResult } from './standard-rating';
import { must } from '@/lib/must';

export interface PanelDecisionInput {
  /** A case-marked standard id, e.g. "2.1". */
  standard: string;
  rating: Rating;
  rationale: string;
}

export interface InspectionInput {
  /** Per question id: how many cases answered yes / no / na. Unanswered questions are absent. */
  counts: QuestionCounts;
  /** The lead inspector's judgement per qualitative standard; absent or null = not yet judged. */
  judgements?: Readonly<Record<string, Rating | null | undefined>>;
  /** Ratings-panel decisions on case-marked standards (professional judgement). */
  panel?: readonly PanelDecisionInput[];
  /**
   * How many resettlement cases the inspection has (2021). 0 → 4.1 is not rated. When
   * omitted, 4.1 is rated if and only if it has a judgement.
   */
  resettlementCases?: number;
}

export interface StandardResult {
  id: string;
  title: string;
  domainId: string;
  kind: Standard['kind'];
  /** 4.1 (2021): rated separately, never part of the score. */
  isRatedSeparately: boolean;
  /** The rating that counts: the panel's decision, else the computed rating (case-marked), else the judgement. */
  rating: Rating | null;
  /** Case-marked: band of the lowest key question. Qualitative: always null. */
  computedRating: Rating | null;
  /** 0–3 for a rated core standard; null when not rated or rated separately (4.1). */
  score: number | null;
  /** True when a ratings-panel decision gives a rating different from the computed one. */
  professionalJudgement: boolean;
  /** The panel's decision, when there is one (even if it agrees with the computed rating). */
  panel: { rating: Rating; rationale: string } | null;
  lowestKeyQuestion: string | null;
  /** Case-marked only (empty for qualitative standards), in printed order. */
  keyQuestions: Record<string, KeyQuestionResult>;
  /** Case-marked only: illustrative prompt figures, never used for the rating. */
  prompts: Record<string, QuestionFigures>;
  /** Case-marked only: when the panel may consider discretion (computed from the computed rating). */
  flags: DiscretionFlag[];
  /** 4.1: false when there are no resettlement cases ("not rated"). True otherwise. */
  isRated: boolean;
  /** Why rating is null (not ratable, not judged, not rated). */
  reason: string | null;
  /** 4.1 only: the number of resettlement cases, when known. */
  resettlementCases?: number;
}

export interface InspectionResult {
  framework: FrameworkVersion;
  /** Every standard in printed order (4.1 included for 2021). */
  standards: Record<string, StandardResult>;
  overall: OverallResult;
  /** 2021: illustrative figures for the resettlement aspects; never scored. Empty for 2018. */
  resettlementAspects: Record<string, QuestionFigures & { shortLabel: string }>;
  /** Inputs that were ignored (unknown ids, judgements on case-marked standards, …). */
  warnings: string[];
}

/**
 * Why a panel decision cannot be recorded on this standard, or null when it can. Professional
 * discretion departs from a computed rating: "where the lowest percentage at the key question
 * level is close to the rating boundary" (Blackpool 2021 (000_…) and Wigan 2021 (001_…),
 * Annexe 1); Leicestershire 2021 (004_…), 2. Court disposals: "As the lowest score was less than
 * 50 per cent, this falls within our 'Inadequate' range … Professional discretion was therefore
 * applied". With no relevant case there is no computed rating to depart from.
 */
export function panelDecisionRefusal(standardId: string, computedRating: Rating | null): string | null {
  if (computedRating !== null) return null;
  return `${standardId} has no computed rating yet (none of its key questions has a relevant case), so there is no rating for the panel to depart from: professional judgement applies only to a computed rating`;
}

function caseMarkedResult(
  standard: Standard,
  domainId: string,
  counts: QuestionCounts,
  requested: PanelDecisionInput | undefined,
  warnings: string[],
): StandardResult {
  const computation = rateCaseMarkedStandard(standard, counts);
  const { computedRating } = computation;
  const refusal = requested ? panelDecisionRefusal(standard.id, computedRating) : null;
  if (refusal) warnings.push(`Panel decision for ${standard.id} ignored: ${refusal}`);
  const decision = refusal ? undefined : requested;
  const rating = decision ? decision.rating : computedRating;
  // Panel decisions replace the computed rating (Dudley 2019 (002_…), Annex 2: "Good*" with
  // 3.4.1 at 64%, "*Professional judgement applied"; Leicestershire 2021 (004_…), 2. Court
  // disposals: 2.1 and 2.2 "amended to 'Requires improvement'" from Inadequate).
  return {
    id: standard.id,
    title: standard.title,
    domainId,
    kind: 'case_marked',
    isRatedSeparately: standard.isRatedSeparately === true,
    rating,
    computedRating,
    score: rating !== null && !standard.isRatedSeparately ? scoreOf(rating) : null,
    professionalJudgement: decision !== undefined && decision.rating !== computedRating,
    panel: decision ? { rating: decision.rating, rationale: decision.rationale } : null,
    lowestKeyQuestion: computation.lowestKeyQuestion,
    keyQuestions: computation.keyQuestions,
    prompts: computation.prompts,
    flags: discretionFlags(computation),
    isRated: true,
    reason: rating === null ? computation.notRatableReason : null,
  };
}

function qualitativeResult(
  standard: Standard,
  domainId: string,
  judgement: Rating | null,
  resettlementCases: number | undefined,
  warnings: string[],
): StandardResult {
  const base = {
    id: standard.id,
    title: standard.title,
    domainId,
    kind: 'qualitative' as const,
    isRatedSeparately: standard.isRatedSeparately === true,
    computedRating: null,
    professionalJudgement: false,
    panel: null,
    lowestKeyQuestion: null,
    keyQuestions: {},
    prompts: {},
    flags: [],
  };
  if (standard.isRatedSeparately) {
    // "Where there are no relevant resettlement cases, we do not apply a rating to
    // resettlement work." — Leicestershire 2021 (004_…), Annexe 2.
    const isRated = resettlementCases === undefined ? judgement !== null : resettlementCases > 0;
    if (!isRated) {
      if (judgement !== null) warnings.push(`${standard.id} has a judgement but no resettlement cases, so it is not rated`);
      return {
        ...base,
        rating: null,
        score: null,
        isRated: false,
        reason: `Not rated: there are no resettlement cases`,
        resettlementCases: resettlementCases ?? 0,
      };
    }
    return {
      ...base,
      rating: judgement,
      score: null,
      isRated: true,
      reason: judgement === null ? `${standard.id} has no judgement` : null,
      ...(resettlementCases === undefined ? {} : { resettlementCases }),
    };
  }
  return {
    ...base,
    rating: judgement,
    score: judgement === null ? null : scoreOf(judgement),
    isRated: true,
    reason: judgement === null ? `${standard.id} has no judgement` : null,
  };
}

/**
 * Computes every standard's rating, its figures and discretion flags, and the overall score
 * and rating. Never throws on incomplete data: what is missing is reported (`reason`,
 * `overall.missing`); inputs that do not fit the framework are ignored and listed in
 * `warnings`. Throws a RangeError only on impossible counts (negative or fractional).
 */
export function computeInspection(framework: Framework | FrameworkVersion, input: InspectionInput): InspectionResult {
  const fw = typeof framework === 'string' ? getFramework(framework) : framework;
  const warnings: string[] = [];
  const judgements = input.judgements ?? {};
  const standardsById = new Map(listStandards(fw).map((s) => [s.id, s]));

  const decisions = new Map<string, PanelDecisionInput>();
  for (const decision of input.panel ?? []) {
    const standard = standardsById.get(decision.standard);
    if (!standard) warnings.push(`Panel decision for unknown standard ${decision.standard} ignored`);
    else if (standard.kind !== 'case_marked') {
      warnings.push(
        `Panel decision for ${decision.standard} ignored: it is not a case-marked standard (it takes the lead inspector's judgement)`,
      );
    } else {
      if (decisions.has(decision.standard)) warnings.push(`More than one panel decision for ${decision.standard}: the last one is used`);
      decisions.set(decision.standard, decision);
    }
  }
  for (const [standardId, rating] of Object.entries(judgements)) {
    if (rating == null) continue;
    const standard = standardsById.get(standardId);
    if (!standard) warnings.push(`Judgement for unknown standard ${standardId} ignored`);
    else if (standard.kind !== 'qualitative') {
      warnings.push(`Judgement for ${standardId} ignored: it is case-marked, so its rating is computed from the cases`);
    }
  }

  const known = new Set<string>();
  const standards: Record<string, StandardResult> = {};
  for (const domain of fw.domains) {
    for (const standard of domain.standards) {
      if (standard.kind === 'case_marked') {
        for (const kq of standard.keyQuestions) {
          known.add(kq.id);
          for (const p of kq.prompts) known.add(p.id);
        }
        standards[standard.id] = caseMarkedResult(standard, domain.id, input.counts, decisions.get(standard.id), warnings);
      } else {
        standards[standard.id] = qualitativeResult(standard, domain.id, judgements[standard.id] ?? null, input.resettlementCases, warnings);
      }
    }
  }

  const resettlementAspects: InspectionResult['resettlementAspects'] = {};
  for (const aspect of fw.resettlementAspects) {
    known.add(aspect.id);
    resettlementAspects[aspect.id] = { shortLabel: aspect.shortLabel, ...questionFigures(input.counts[aspect.id]) };
  }
  for (const questionId of Object.keys(input.counts)) {
    if (!known.has(questionId))
      warnings.push(`Counts for ${questionId} ignored: it is not a case-marking question of the ${fw.version} framework`);
  }

  const core = listCoreStandards(fw).map((standard) => {
    const result = must(standards[standard.id], `the result of ${standard.id}`);
    return { id: standard.id, rating: result.rating, missing: result.rating === null ? missingText(standard) : null };
  });
  const separate = listStandards(fw)
    .filter((s) => s.isRatedSeparately)
    .map((standard) => {
      const result = must(standards[standard.id], `the result of ${standard.id}`);
      return {
        id: standard.id,
        isRated: result.isRated,
        rating: result.rating,
        missing: result.rating === null ? `${standard.id} has no judgement` : null,
      };
    });

  return { framework: fw.version, standards, overall: computeOverall(core, separate), resettlementAspects, warnings };
}

/** "1.2 has no judgement", "2.4 has no marked cases". */
function missingText(standard: Standard): string {
  return standard.kind === 'qualitative' ? `${standard.id} has no judgement` : `${standard.id} has no marked cases`;
}

/**
 * Whether a key question's percentage carries the professional-judgement asterisk: only the
 * lowest key question (the one that set the computed rating) of a standard whose rating the
 * panel changed. Dudley 2019 (002_b3ff77846e023e08.txt), Annex 2: "3.4. Joint working Good*",
 * "3.4.1 … 64%*", "3.4.2 … 100%" (no asterisk), "*Professional judgement applied."
 */
export function isProfessionalJudgementKeyQuestion(
  result: Pick<StandardResult, 'professionalJudgement' | 'lowestKeyQuestion'>,
  keyQuestionId: string,
): boolean {
  return result.professionalJudgement && result.lowestKeyQuestion === keyQuestionId;
}

/** "Requires improvement (computed Inadequate, professional judgement)" — a one-line summary. */
export function describeStandardRating(result: StandardResult): string {
  if (result.rating === null) return result.reason ?? 'Not rated';
  const word = RATING_WORDS[result.rating];
  if (result.professionalJudgement) {
    return `${word} (professional judgement; computed ${result.computedRating ? RATING_WORDS[result.computedRating] : 'not ratable'})`;
  }
  return word;
}
