/**
 * Tallying interchange-style cases (answers maps) into the per-question counts the engine
 * takes, so a file, the live preview and the database aggregate all go through the same
 * `computeInspection`.
 */
import { canAnswerQuestion, getFramework } from '@/lib/framework';
import type { AnswerValue, CaseType, Disposal, Framework, FrameworkVersion, Rating } from '@/lib/framework/types';
import { computeInspection, type InspectionInput, type InspectionResult, type PanelDecisionInput } from './compute-inspection';
import { addAnswer, type QuestionCounts } from './key-question';

/** The part of an interchange case the tally reads. */
interface TallyCase {
  ref?: string;
  type: CaseType;
  disposal?: Disposal | null;
  answers: Readonly<Record<string, AnswerValue | null | undefined>>;
}

interface Tally {
  counts: QuestionCounts;
  /** Cases of type "resettlement" (4.1 is not rated when there are none). */
  resettlementCases: number;
  /** Answers that were not counted because the question cannot be answered on that case. */
  ignored: { ref: string | undefined; questionId: string }[];
}

/**
 * Counts every case's answers per question id. Answers to questions that cannot apply to the
 * case (unknown id, wrong case type, 3.4.2 on anything but a youth conditional caution) are
 * not counted and are listed in `ignored` — the interchange validator reports them as errors
 * before this runs. Null/absent answers (unanswered) are not counted. A prompt counts over the
 * cases that answered it, whatever its key question's judgement on the case (the same rule as the
 * database aggregate in lib/marking/count-answers.ts, where the source is cited).
 */
export function tallyCases(framework: Framework, cases: readonly TallyCase[]): Tally {
  const counts: QuestionCounts = {};
  const ignored: Tally['ignored'] = [];
  let resettlementCases = 0;
  for (const kase of cases) {
    if (kase.type === 'resettlement') resettlementCases += 1;
    for (const [questionId, value] of Object.entries(kase.answers)) {
      if (value == null) continue;
      if (!canAnswerQuestion(framework, { type: kase.type, disposal: kase.disposal ?? null }, questionId)) {
        ignored.push({ ref: kase.ref, questionId });
        continue;
      }
      addAnswer(counts, questionId, value);
    }
  }
  return { counts, resettlementCases, ignored };
}

/** A judgement in a file: the rating itself, or an object carrying it (with evidence etc.). */
type JudgementLike = Rating | null | { rating?: Rating | null };

/** The part of an interchange document (`TInspectionDocument`) the engine needs. */
interface InspectionDocumentLike {
  inspection: { framework: FrameworkVersion };
  cases: readonly TallyCase[];
  judgements?: Readonly<Record<string, JudgementLike | undefined>>;
  panel?: readonly PanelDecisionInput[];
}

export function judgementRating(judgement: JudgementLike | undefined): Rating | null {
  if (judgement == null) return null;
  if (typeof judgement === 'string') return judgement;
  return judgement.rating ?? null;
}

/** Engine input from an (already validated) interchange document. */
export function inspectionInputFromDocument(doc: InspectionDocumentLike): { framework: Framework; input: InspectionInput; tally: Tally } {
  const framework = getFramework(doc.inspection.framework);
  const tally = tallyCases(framework, doc.cases);
  const judgements: Record<string, Rating | null> = {};
  for (const [standardId, judgement] of Object.entries(doc.judgements ?? {})) judgements[standardId] = judgementRating(judgement);
  return {
    framework,
    tally,
    input: { counts: tally.counts, judgements, panel: doc.panel ?? [], resettlementCases: tally.resettlementCases },
  };
}

/** Validated interchange document → the engine's result. */
export function computeInspectionFromDocument(doc: InspectionDocumentLike): InspectionResult {
  const { framework, input, tally } = inspectionInputFromDocument(doc);
  const result = computeInspection(framework, input);
  for (const { ref, questionId } of tally.ignored) {
    result.warnings.push(`Case ${ref ?? '(no ref)'}: answer to ${questionId} ignored (it cannot be answered on this case)`);
  }
  return result;
}
