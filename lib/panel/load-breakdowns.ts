/**
 * The grouped counts behind an inspection's sub-group breakdowns: ONE aggregate over the
 * inspection's key-question answers with GROUPING SETS (one set per dimension), and one over its
 * cases for the group sizes. For those who may export the inspection's tables (export.download):
 * the read takes the loaded access and scopes its query by that rule, so anyone else gets nothing.
 */
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { InspectionAccess } from '@/lib/access/context';
import { inspectionIdFor } from '@/lib/access/scope';
import { getFramework } from '@/lib/framework';
import {
  buildBreakdowns,
  type BreakdownCaseRow,
  type BreakdownCountRow,
  type BreakdownDimension,
  type BreakdownDimensionId,
} from './breakdowns';

type Db = PrismaClient | Prisma.TransactionClient;

interface GroupedRow {
  g_gender: number;
  g_rosh: number;
  g_safety: number;
  gender: string | null;
  rosh: string | null;
  safety: string | null;
  disposal: string | null;
}

/** Which grouping set a row belongs to (GROUPING() is 0 for the column the set groups by). */
function dimensionOf(row: GroupedRow): { dimension: BreakdownDimensionId; value: string | null } {
  if (row.g_gender === 0) return { dimension: 'gender', value: row.gender };
  if (row.g_rosh === 0) return { dimension: 'rosh', value: row.rosh };
  if (row.g_safety === 0) return { dimension: 'safety', value: row.safety };
  return { dimension: 'disposal', value: row.disposal };
}

export async function loadBreakdowns(
  db: Db,
  access: Pick<InspectionAccess, 'actor' | 'inspectionId' | 'scope' | 'framework'>,
): Promise<BreakdownDimension[]> {
  const { framework } = access;
  const inspectionId = inspectionIdFor(access, 'export.download');
  const [answerRows, caseRows] = await Promise.all([
    // Key-question judgements only (2.1.1, never a prompt 2.1.1.a or a resettlement aspect
    // 4.1.r01), so each group's figures add up to the panel's.
    db.$queryRaw<(GroupedRow & { question_id: string; yes: number; no: number; na: number })[]>`
      SELECT a.question_id,
             GROUPING(c.gender)::int AS g_gender, GROUPING(c.rosh)::int AS g_rosh, GROUPING(c.safety_wellbeing)::int AS g_safety,
             c.gender, c.rosh::text AS rosh, c.safety_wellbeing::text AS safety, c.disposal::text AS disposal,
             count(*) FILTER (WHERE a.value = 'yes')::int AS yes,
             count(*) FILTER (WHERE a.value = 'no')::int AS no,
             count(*) FILTER (WHERE a.value = 'na')::int AS na
      FROM answers a JOIN cases c ON c.id = a.case_id
      WHERE a.inspection_id = ${inspectionId}::uuid AND a.value IS NOT NULL AND a.question_id ~ '^[0-9]+\\.[0-9]+\\.[0-9]+$'
      GROUP BY a.question_id, GROUPING SETS ((c.gender), (c.rosh), (c.safety_wellbeing), (c.disposal))`,
    db.$queryRaw<(GroupedRow & { cases: number })[]>`
      SELECT GROUPING(c.gender)::int AS g_gender, GROUPING(c.rosh)::int AS g_rosh, GROUPING(c.safety_wellbeing)::int AS g_safety,
             c.gender, c.rosh::text AS rosh, c.safety_wellbeing::text AS safety, c.disposal::text AS disposal,
             count(*)::int AS cases
      FROM cases c
      WHERE c.inspection_id = ${inspectionId}::uuid AND c.type <> 'resettlement'
      GROUP BY GROUPING SETS ((c.gender), (c.rosh), (c.safety_wellbeing), (c.disposal))`,
  ]);
  const counts: BreakdownCountRow[] = answerRows.map((row) => ({
    ...dimensionOf(row),
    questionId: row.question_id,
    counts: { yes: row.yes, no: row.no, na: row.na },
  }));
  const cases: BreakdownCaseRow[] = caseRows.map((row) => ({ ...dimensionOf(row), cases: row.cases }));
  return buildBreakdowns(getFramework(framework), counts, cases);
}
