import { FRAMEWORK_2018 } from './framework-2018';
import { FRAMEWORK_2021 } from './framework-2021';
import type { CaseType, Disposal, Framework, FrameworkVersion, KeyQuestion, Prompt, ResettlementAspect, Standard } from './types';

export * from './types';

const FRAMEWORKS: Record<FrameworkVersion, Framework> = {
  '2018': FRAMEWORK_2018,
  '2021': FRAMEWORK_2021,
};

export function getFramework(version: FrameworkVersion): Framework {
  return FRAMEWORKS[version];
}

export function listStandards(framework: Framework): Standard[] {
  return framework.domains.flatMap((d) => d.standards);
}

export function findStandard(framework: Framework, standardId: string): Standard | undefined {
  return listStandards(framework).find((s) => s.id === standardId);
}

/** The 12 standards that make up the 0–36 score (every standard not rated separately). */
export function listCoreStandards(framework: Framework): Standard[] {
  return listStandards(framework).filter((s) => !s.isRatedSeparately);
}

export function listCaseMarkedStandards(framework: Framework): Standard[] {
  return listStandards(framework).filter((s) => s.kind === 'case_marked');
}

export function listQualitativeStandards(framework: Framework): Standard[] {
  return listStandards(framework).filter((s) => s.kind === 'qualitative');
}

/** What a question id points at within a framework. */
type QuestionRef =
  | { kind: 'key_question'; standard: Standard; keyQuestion: KeyQuestion }
  | { kind: 'prompt'; standard: Standard; keyQuestion: KeyQuestion; prompt: Prompt }
  | { kind: 'resettlement_aspect'; aspect: ResettlementAspect };

const questionIndexCache = new WeakMap<Framework, Map<string, QuestionRef>>();

function buildQuestionIndex(framework: Framework): Map<string, QuestionRef> {
  const index = new Map<string, QuestionRef>();
  for (const standard of listCaseMarkedStandards(framework)) {
    for (const keyQuestion of standard.keyQuestions) {
      index.set(keyQuestion.id, { kind: 'key_question', standard, keyQuestion });
      for (const prompt of keyQuestion.prompts) {
        index.set(prompt.id, { kind: 'prompt', standard, keyQuestion, prompt });
      }
    }
  }
  for (const aspect of framework.resettlementAspects) {
    index.set(aspect.id, { kind: 'resettlement_aspect', aspect });
  }
  return index;
}

/** Looks up a case-marking question (key question, prompt or resettlement aspect) by id. */
export function findQuestion(framework: Framework, questionId: string): QuestionRef | undefined {
  let index = questionIndexCache.get(framework);
  if (!index) {
    index = buildQuestionIndex(framework);
    questionIndexCache.set(framework, index);
  }
  return index.get(questionId);
}

export interface CaseClassification {
  type: CaseType;
  disposal?: Disposal | null;
}

/** The case-marked standards marked on a case of this type (none for resettlement cases). */
export function listStandardsForCase(framework: Framework, kase: CaseClassification): Standard[] {
  if (kase.type === 'resettlement') return [];
  return listCaseMarkedStandards(framework).filter((s) => s.caseType === kase.type);
}

/**
 * Whether a key question can be answered on this case at all. 3.4.2 (2018) applies only to
 * youth conditional cautions (Dudley 2019, Annex 2; Blackpool 2021, standard 3.4).
 */
export function isKeyQuestionApplicable(keyQuestion: KeyQuestion, kase: CaseClassification): boolean {
  if (!keyQuestion.onlyForDisposals) return true;
  return kase.disposal != null && keyQuestion.onlyForDisposals.includes(kase.disposal);
}

/** The key questions that can be answered on this case, in printed order. */
export function listKeyQuestionsForCase(framework: Framework, kase: CaseClassification): KeyQuestion[] {
  return listStandardsForCase(framework, kase).flatMap((s) => s.keyQuestions.filter((kq) => isKeyQuestionApplicable(kq, kase)));
}

/**
 * Whether this question id may be answered on this case: it exists in the framework, belongs
 * to a standard marked on this case type, and (for key questions/prompts) is applicable.
 */
export function canAnswerQuestion(framework: Framework, kase: CaseClassification, questionId: string): boolean {
  const ref = findQuestion(framework, questionId);
  if (!ref) return false;
  if (ref.kind === 'resettlement_aspect') return kase.type === 'resettlement';
  if (kase.type === 'resettlement' || ref.standard.caseType !== kase.type) return false;
  return isKeyQuestionApplicable(ref.keyQuestion, kase);
}

/** Every question id the case should have answered (key questions, prompts or aspects). */
export function listQuestionIdsForCase(framework: Framework, kase: CaseClassification): string[] {
  if (kase.type === 'resettlement') return framework.resettlementAspects.map((a) => a.id);
  return listKeyQuestionsForCase(framework, kase).flatMap((kq) => [kq.id, ...kq.prompts.map((p) => p.id)]);
}

export function isDisposalOfCaseType(disposal: Disposal, type: CaseType): boolean {
  const court: readonly string[] = ['referral_order', 'youth_rehabilitation_order', 'custodial_sentence', 'other_court'];
  if (type === 'out_of_court') return !court.includes(disposal);
  // Resettlement cases are custodial sentences (or a court order after release).
  return court.includes(disposal);
}
