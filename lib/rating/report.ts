/**
 * The JSON the ratings command prints (`npm run -s ratings -- <file.json>`): a stable,
 * plain-data view of an {@link InspectionResult}.
 */
import { CASEMARK_OWN_RESETTLEMENT_LABEL, type FrameworkVersion, type Rating } from '@/lib/framework/types';
import { isProfessionalJudgementKeyQuestion, type InspectionResult } from './compute-inspection';
import type { DiscretionFlag } from './discretion';

interface ReportFigures {
  yes: number;
  no: number;
  na: number;
  relevant: number;
  pct: number | null;
}

interface ReportStandard {
  title: string;
  kind: 'case_marked' | 'qualitative';
  rating: Rating | null;
  computedRating: Rating | null;
  score: number | null;
  professionalJudgement: boolean;
  lowestKeyQuestion: string | null;
  /**
   * `professionalJudgement`: true on the key question that set the computed rating of a
   * standard the panel changed — the one the reports print with `*` (Dudley 2019, Annex 2: 64%*).
   */
  keyQuestions: Record<string, ReportFigures & { band: Rating | null; professionalJudgement: boolean }>;
  prompts: Record<string, ReportFigures>;
  flags: DiscretionFlag[];
  panel: { rating: Rating; rationale: string } | null;
  ratedSeparately: boolean;
  notRated: boolean;
  reason: string | null;
  /** 4.1 only: how many resettlement cases the inspection has. */
  resettlementCases?: number;
}

interface RatingsReport {
  framework: FrameworkVersion;
  standards: Record<string, ReportStandard>;
  overall: {
    score: number | null;
    maxScore: number;
    rating: Rating | null;
    uncappedRating: Rating | null;
    capped: boolean;
    cap: string | null;
    missing: string[];
  };
  /** Casemark's own illustrative questions (2021), not the inspectorate's: see `resettlementAspectsLabel`. */
  resettlementAspects: Record<string, ReportFigures & { shortLabel: string }>;
  /** Says the resettlement aspects are Casemark's own questions; null when there are none (2018). */
  resettlementAspectsLabel: string | null;
  warnings: string[];
}

function figures(f: ReportFigures): ReportFigures {
  return { yes: f.yes, no: f.no, na: f.na, relevant: f.relevant, pct: f.pct };
}

export function ratingsReport(result: InspectionResult): RatingsReport {
  const standards: Record<string, ReportStandard> = {};
  for (const [id, s] of Object.entries(result.standards)) {
    const keyQuestions: ReportStandard['keyQuestions'] = {};
    for (const [kqId, kq] of Object.entries(s.keyQuestions)) {
      keyQuestions[kqId] = { ...figures(kq), band: kq.band, professionalJudgement: isProfessionalJudgementKeyQuestion(s, kqId) };
    }
    const prompts: ReportStandard['prompts'] = {};
    for (const [promptId, p] of Object.entries(s.prompts)) prompts[promptId] = figures(p);
    standards[id] = {
      title: s.title,
      kind: s.kind,
      rating: s.rating,
      computedRating: s.computedRating,
      score: s.score,
      professionalJudgement: s.professionalJudgement,
      lowestKeyQuestion: s.lowestKeyQuestion,
      keyQuestions,
      prompts,
      flags: s.flags,
      panel: s.panel,
      ratedSeparately: s.isRatedSeparately,
      notRated: !s.isRated,
      reason: s.reason,
      ...(s.resettlementCases === undefined ? {} : { resettlementCases: s.resettlementCases }),
    };
  }
  const resettlementAspects: RatingsReport['resettlementAspects'] = {};
  for (const [id, a] of Object.entries(result.resettlementAspects)) resettlementAspects[id] = { shortLabel: a.shortLabel, ...figures(a) };
  const { overall } = result;
  return {
    framework: result.framework,
    standards,
    overall: {
      score: overall.score,
      maxScore: overall.maxScore,
      rating: overall.rating,
      uncappedRating: overall.uncappedRating,
      capped: overall.isCapped,
      cap: overall.cap,
      missing: overall.missing,
    },
    resettlementAspects,
    resettlementAspectsLabel: Object.keys(resettlementAspects).length ? CASEMARK_OWN_RESETTLEMENT_LABEL : null,
    warnings: result.warnings,
  };
}
