import { listStandardsForCase, isKeyQuestionApplicable, type CaseClassification, type Framework } from '@/lib/framework';
import type { AnswerValue } from '@/lib/framework/types';

export interface MissingItem {
  /** Question id, or a case-level field name. */
  id: string;
  /** The standard's page the item is on, or null for the case details. */
  standardId: string | null;
  message: string;
}

interface CaseLevelItems {
  agreesWithRosh: boolean | null;
  agreesWithSafety: boolean | null;
  isCaseManagerInterviewed: boolean | null;
}

/**
 * What an inspector still has to answer before a case can be marked as complete: every
 * applicable key-question judgement (a not-applicable one with its reason), every prompt of a
 * key question that is not itself not applicable, every resettlement aspect, and the case-level
 * items. In printed order, so the error summary reads like the form.
 */
export function listMissingAnswers(
  framework: Framework,
  kase: CaseClassification,
  answers: Record<string, { value: AnswerValue | null; naReason?: string | null }>,
  caseLevel: CaseLevelItems,
): MissingItem[] {
  const missing: MissingItem[] = [];
  if (caseLevel.agreesWithRosh === null) {
    missing.push({ id: 'agreesWithRosh', standardId: null, message: 'Say whether you agree with the risk of serious harm classification' });
  }
  if (caseLevel.agreesWithSafety === null) {
    missing.push({
      id: 'agreesWithSafety',
      standardId: null,
      message: 'Say whether you agree with the safety and wellbeing classification',
    });
  }
  if (caseLevel.isCaseManagerInterviewed === null) {
    missing.push({ id: 'isCaseManagerInterviewed', standardId: null, message: 'Say whether the case manager was interviewed' });
  }
  if (kase.type === 'resettlement') {
    for (const aspect of framework.resettlementAspects) {
      if (!answers[aspect.id]?.value)
        missing.push({ id: aspect.id, standardId: '4.1', message: `Answer ${aspect.id}: ${aspect.shortLabel}` });
    }
    return missing;
  }
  for (const standard of listStandardsForCase(framework, kase)) {
    for (const kq of standard.keyQuestions) {
      if (!isKeyQuestionApplicable(kq, kase)) continue;
      const judgement = answers[kq.id];
      if (!judgement?.value) {
        missing.push({ id: kq.id, standardId: standard.id, message: `Give your judgement on ${kq.id} (${kq.shortLabel})` });
      } else if (judgement.value === 'na' && !judgement.naReason) {
        missing.push({ id: kq.id, standardId: standard.id, message: `Give a reason why ${kq.id} is not applicable` });
      }
      // A key question judged not applicable takes its prompts out with it.
      if (judgement?.value === 'na') continue;
      kq.prompts.forEach((prompt, i) => {
        if (!answers[prompt.id]?.value) {
          missing.push({
            id: prompt.id,
            standardId: standard.id,
            message: `Answer prompt ${kq.id} ${String.fromCharCode(97 + i)}): ${prompt.text}`,
          });
        }
      });
    }
  }
  return missing;
}
