import { findQuestion } from '@/lib/framework';
import type { Framework } from '@/lib/framework/types';
import type { CaseLevelItem } from '@/lib/validation/quality';

export const CASE_LEVEL_LABELS: Record<CaseLevelItem, string> = {
  agreesWithRosh: 'Agree with the risk of serious harm classification',
  agreesWithSafety: 'Agree with the safety and wellbeing classification',
  isCaseManagerInterviewed: 'Case manager interviewed',
  practiceExample: 'Practice example',
};

/** What a query is about, in the words the marking pages use ("2.1.1 … (judgement)", "2.1.1 b) …"). */
export function labelQueriedQuestion(framework: Framework, questionId: string): { label: string; standardId: string | null } {
  if (questionId.startsWith('case:')) {
    const item = questionId.slice(5) as CaseLevelItem;
    return { label: CASE_LEVEL_LABELS[item] ?? questionId, standardId: null };
  }
  const ref = findQuestion(framework, questionId);
  if (!ref) return { label: questionId, standardId: null };
  if (ref.kind === 'resettlement_aspect') return { label: `${ref.aspect.id} ${ref.aspect.shortLabel}`, standardId: '4.1' };
  if (ref.kind === 'key_question')
    return { label: `${ref.keyQuestion.id} ${ref.keyQuestion.shortLabel} (judgement)`, standardId: ref.standard.id };
  const letter = String.fromCharCode(97 + ref.keyQuestion.prompts.indexOf(ref.prompt));
  return { label: `${ref.keyQuestion.id} ${letter}) ${ref.prompt.text}`, standardId: ref.standard.id };
}
