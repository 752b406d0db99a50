import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { QuestionCounts } from '@/lib/rating/key-question';
import { requireAllowed, type AccessOnInspection } from '@/lib/access/context';

type Db = Pick<PrismaClient, '$queryRaw'>;

export type { QuestionCounts };

/**
 * The inspection's answer counts per question: one GROUP BY over its answers (served by the
 * answers(inspection_id, question_id, value) index), optionally narrowed to some questions.
 * Unanswered questions are simply absent: unanswered is not "no". A prompt answered on a case
 * whose key question was then judged not applicable is left out with it (the case left that
 * key question's sub-sample).
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
      AND NOT (question_id ~ '\\.[a-z]$' AND EXISTS (
        SELECT 1 FROM answers k
        WHERE k.inspection_id = ${inspectionId}::uuid AND k.case_id = answers.case_id AND k.value = 'na'
          AND k.question_id = regexp_replace(answers.question_id, '\\.[a-z]$', '')))
    GROUP BY question_id`;
  const counts: QuestionCounts = {};
  for (const row of rows) counts[row.question_id] = { yes: row.yes, no: row.no, na: row.na };
  return counts;
}
