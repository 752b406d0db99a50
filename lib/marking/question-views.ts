import { isKeyQuestionApplicable, listStandardsForCase, type CaseClassification, type Framework } from '@/lib/framework';
import type { QuestionView } from '@/lib/marking/view-types';

/**
 * The questions of one standard's page for this case, shaped for the marking form; for a
 * resettlement case, "4.1" gives the resettlement aspects. Null when the standard is not
 * marked on this case.
 */
export function buildQuestionViews(
  framework: Framework,
  kase: CaseClassification,
  standardId: string,
): { title: string; questions: QuestionView[] } | null {
  if (kase.type === 'resettlement') {
    if (standardId !== '4.1' || framework.resettlementAspects.length === 0) return null;
    return {
      title: '4.1 Resettlement: Casemark’s own questions (illustrative, not scored)',
      questions: framework.resettlementAspects.map((a) => ({
        id: a.id,
        text: a.text,
        label: a.shortLabel,
        naReasons: [],
        prompts: [],
        kind: 'resettlement_aspect',
      })),
    };
  }
  const standard = listStandardsForCase(framework, kase).find((s) => s.id === standardId);
  if (!standard) return null;
  return {
    title: `${standard.id} ${standard.title}`,
    questions: standard.keyQuestions
      .filter((kq) => isKeyQuestionApplicable(kq, kase))
      .map((kq) => ({
        id: kq.id,
        text: kq.text,
        label: kq.shortLabel,
        naReasons: kq.naReasons,
        ...(kq.naGuidance ? { naGuidance: kq.naGuidance } : {}),
        kind: 'key_question',
        prompts: kq.prompts.map((p) => ({
          id: p.id,
          text: p.text,
          label: p.id,
          guidance: p.guidance,
          naReasons: [],
          prompts: [],
          kind: 'prompt',
        })),
      })),
  };
}
