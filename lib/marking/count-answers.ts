import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { QuestionCounts } from '@/lib/rating/key-question';
import { requireAllowed, type AccessOnInspection } from '@/lib/access/context';

type Db = Pick<PrismaClient, '$queryRaw'>;

export type { QuestionCounts };

/**
 * The inspection's answer counts per question: one GROUP BY over its answers (served by the
 * answers(inspection_id, question_id, value) index), optionally narrowed to some questions.
 * Unanswered questions are simply absent: unanswered is not "no". Every question is counted over
 * the cases that answered it yes or no, prompts as key questions: a prompt is not tied to its key
 * question's sub-sample. Blackpool's Annexe 2 (000_c1174f08f6b47fac.txt) gives "the proportions
 * of the case sample with a satisfactory 'yes' response to the prompt questions", with "no
 * mechanistic connection" to the key question, and prints 2.3.3 a) at 73% (8 of 11) where 2.3.3
 * itself is seven of 10 (docs/rating-method.md, "Prompts").
 *
 * Inspection-wide figures are the ratings panel's: `access` (from lib/access/context.ts) must
 * allow `panel.view`.
 */
export async function countAnswers(db: Db, access: AccessOnInspection, questionIds?: string[]): Promise<QuestionCounts> {
  requireAllowed(access, 'panel.view', 'The inspection-wide figures belong to the ratings panel, which you cannot see.');
  const inspectionId = access.inspectionId;
  const rows = await db.$queryRaw<{ question_id: string; yes: number; no: number; na: number }[]>`
    SELECT question_id,
           count(*) FILTER (WHERE value = 'yes')::int AS yes,
           count(*) FILTER (WHERE value = 'no')::int AS no,
           count(*) FILTER (WHERE value = 'na')::int AS na
    FROM answers
    WHERE inspection_id = ${inspectionId}::uuid AND value IS NOT NULL
      AND (${questionIds ?? null}::text[] IS NULL OR question_id = ANY(${questionIds ?? null}::text[]))
    GROUP BY question_id`;
  const counts: QuestionCounts = {};
  for (const row of rows) counts[row.question_id] = { yes: row.yes, no: row.no, na: row.na };
  return counts;
}
