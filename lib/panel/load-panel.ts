import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { FrameworkVersion, Rating } from '@/lib/framework/types';
import { computeInspection, type InspectionResult } from '@/lib/rating/compute-inspection';
import { countAnswers } from '@/lib/marking/count-answers';
import { frameworkFromDb } from '@/lib/data/mappers';

type Db = PrismaClient | Prisma.TransactionClient;

export interface PanelDecisionView {
  id: string;
  standardId: string;
  rating: Rating;
  rationale: string;
  decidedByName: string;
  decidedAt: string;
}

export interface JudgementView {
  standardId: string;
  rating: Rating | null;
  evidence: Record<string, string>;
  version: number;
  updatedByName: string;
  updatedAt: string;
}

export interface FieldworkProgress {
  byStatus: Record<'not_started' | 'in_progress' | 'complete', number>;
  byInspector: { name: string; total: number; complete: number }[];
  sample: {
    byType: Record<string, number>;
    byDisposal: Record<string, number>;
    byRosh: Record<string, number>;
    bySafetyWellbeing: Record<string, number>;
    byGender: Record<string, number>;
  };
}

export interface PanelData {
  inspectionId: string;
  framework: FrameworkVersion;
  result: InspectionResult;
  judgements: Record<string, JudgementView>;
  decisions: Record<string, PanelDecisionView>;
  previousRatings: Record<string, Rating>;
  previousKeyQuestionPct: Record<string, number>;
  progress: FieldworkProgress;
  computedAt: string;
}

/**
 * Everything the ratings panel shows, computed from the database in a handful of queries (the
 * answer counts are one GROUP BY) and the pure rating engine, all read from one snapshot so the
 * counts, judgements and decisions always belong together. The caller has authorised.
 */
export async function loadPanelData(db: Db, inspectionId: string): Promise<PanelData> {
  if ('$transaction' in db) {
    return db.$transaction((tx) => readPanelData(tx, inspectionId), { isolationLevel: 'RepeatableRead' });
  }
  return readPanelData(db, inspectionId);
}

async function readPanelData(db: Db, inspectionId: string): Promise<PanelData> {
  const [inspection, counts, judgements, decisions, caseRows, byInspector] = await Promise.all([
    db.inspection.findUniqueOrThrow({
      where: { id: inspectionId },
      select: { framework: true, previousRatings: true, previousKeyQuestionPct: true },
    }),
    countAnswers(db, inspectionId),
    db.qualitativeJudgement.findMany({
      where: { inspectionId },
      select: { standardId: true, rating: true, evidence: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
    }),
    db.panelDecision.findMany({
      where: { inspectionId, revokedAt: null },
      select: { id: true, standardId: true, rating: true, rationale: true, decidedAt: true, decidedBy: { select: { name: true } } },
    }),
    db.case.groupBy({
      by: ['type', 'disposal', 'rosh', 'safetyWellbeing', 'gender', 'status'],
      where: { inspectionId },
      _count: { _all: true },
    }),
    db.$queryRaw<{ name: string | null; total: number; complete: number }[]>`
      SELECT u.name, count(*)::int AS total, count(*) FILTER (WHERE c.status = 'complete')::int AS complete
      FROM cases c LEFT JOIN users u ON u.id = c.inspector_id
      WHERE c.inspection_id = ${inspectionId}::uuid
      GROUP BY u.name ORDER BY u.name NULLS LAST`,
  ]);
  const framework: FrameworkVersion = frameworkFromDb(inspection.framework);

  const progress: FieldworkProgress = {
    byStatus: { not_started: 0, in_progress: 0, complete: 0 },
    byInspector: byInspector.map((r) => ({ name: r.name ?? 'Not allocated', total: r.total, complete: r.complete })),
    sample: { byType: {}, byDisposal: {}, byRosh: {}, bySafetyWellbeing: {}, byGender: {} },
  };
  const add = (bucket: Record<string, number>, key: string, n: number) => {
    bucket[key] = (bucket[key] ?? 0) + n;
  };
  let resettlementCases = 0;
  // Gender is free text: counted in a Map, then Object.fromEntries defines each as an own
  // property, so a gender of "__proto__" or "constructor" is an ordinary key, not the prototype.
  const byGender = new Map<string, number>();
  for (const row of caseRows) {
    const n = row._count._all;
    progress.byStatus[row.status] += n;
    add(progress.sample.byType, row.type, n);
    add(progress.sample.byDisposal, row.disposal, n);
    add(progress.sample.byRosh, row.rosh ?? 'not_recorded', n);
    add(progress.sample.bySafetyWellbeing, row.safetyWellbeing ?? 'not_recorded', n);
    const gender = row.gender ?? 'Not recorded';
    byGender.set(gender, (byGender.get(gender) ?? 0) + n);
    if (row.type === 'resettlement') resettlementCases += n;
  }
  progress.sample.byGender = Object.fromEntries(byGender);

  const result = computeInspection(framework, {
    counts,
    judgements: Object.fromEntries(judgements.map((j) => [j.standardId, j.rating])),
    panel: decisions.map((d) => ({ standard: d.standardId, rating: d.rating, rationale: d.rationale })),
    resettlementCases,
  });

  return {
    inspectionId,
    framework,
    result,
    judgements: Object.fromEntries(
      judgements.map((j) => [
        j.standardId,
        {
          standardId: j.standardId,
          rating: j.rating,
          evidence: (j.evidence ?? {}) as Record<string, string>,
          version: j.version,
          updatedByName: j.updatedBy.name,
          updatedAt: j.updatedAt.toISOString(),
        },
      ]),
    ),
    decisions: Object.fromEntries(
      decisions.map((d) => [
        d.standardId,
        { id: d.id, standardId: d.standardId, rating: d.rating, rationale: d.rationale, decidedByName: d.decidedBy.name, decidedAt: d.decidedAt.toISOString() },
      ]),
    ),
    previousRatings: (inspection.previousRatings ?? {}) as Record<string, Rating>,
    previousKeyQuestionPct: (inspection.previousKeyQuestionPct ?? {}) as Record<string, number>,
    progress,
    computedAt: new Date().toISOString(),
  };
}
