import type { AnswerValue } from '@/lib/framework/types';

/** A question as the marking form shows it (key question, prompt or resettlement aspect). */
export interface QuestionView {
  id: string;
  text: string;
  label: string;
  guidance?: string;
  naReasons: string[];
  /** Said with the not-applicable reasons, e.g. 2018 3.4.1 is asked of every out-of-court case. */
  naGuidance?: string;
  prompts: QuestionView[];
  kind: 'key_question' | 'prompt' | 'resettlement_aspect';
}

export interface AnswerState {
  value: AnswerValue | null;
  naReason: string | null;
  note: string | null;
  version: number;
  updatedByName?: string;
  updatedAt?: string;
}

export type { AnswerCounts as Counts } from '@/lib/rating/key-question';

/** id="q-2-1-1-a": the anchor an error summary links to. */
export const questionAnchor = (questionId: string) => `q-${questionId.replace(/\./g, '-')}`;
