import { can, type Principal } from '@/lib/auth/permissions';
import { requireInspectionAccess, type InspectionAccess } from '@/lib/access/context';
import { withSnapshot, type Db } from '@/lib/db/snapshot';
import type { FrameworkVersion, Rating } from '@/lib/framework/types';
import { computeInspection, type InspectionResult } from '@/lib/rating/compute-inspection';
import { countAnswers } from '@/lib/marking/count-answers';
import { frameworkFromDb } from '@/lib/data/mappers';
import { countUnresolvedQueriesByQuestion } from '@/lib/data/quality';
import { countUnreconciledByKeyQuestion, listFirstMarkingsChangedAfterSecond } from '@/lib/quality/second-marking-views';

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

interface FieldworkProgress {
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
  /** Each decided standard's panel decision version (lib/db/concurrency.ts); absent = 0, never decided. */
  decisionVersions: Record<string, number>;
  previousRatings: Record<string, Rating>;
  previousKeyQuestionPct: Record<string, number>;
  progress: FieldworkProgress;
  computedAt: string;
}

/**
 * Everything the ratings panel shows, computed from the database in a handful of queries (the
 * answer counts are one GROUP BY) and the pure rating engine, all read from one snapshot so the
 * counts, judgements and decisions always belong together — and the actor's access is read in
 * the same snapshot: not-found for someone who may not see the inspection, forbidden for one who
 * may not see its ratings panel.
 */
export async function loadPanelData(db: Db, actor: Principal, inspectionId: string): Promise<PanelData> {
  return withSnapshot(db, async (tx) => readPanelData(tx, await panelAccess(tx, actor, inspectionId)));
}

/** The actor's access to the inspection's ratings panel, read in the caller's snapshot. */
async function panelAccess(tx: Db, actor: Principal, inspectionId: string): Promise<InspectionAccess> {
  const refusal = 'Only the lead inspector, managers and admins can see the ratings panel, unless the lead shares it.';
  return requireInspectionAccess(tx, actor, inspectionId, 'panel.view', refusal, { lock: false });
}

/**
 * What the panel page's quality widgets show (components/quality/panel-*.tsx): queries still
 * open per question (null for someone who does not see every case), disagreements not yet
 * reconciled per key question, and first markings changed since their second marking.
 */
export interface PanelQualityView {
  openQueries: { questionId: string; count: number }[] | null;
  unreconciled: { questionId: string; cases: number }[];
  firstChangedAfterSecond: { questionId: string; reference: string }[];
}

/**
 * The ratings panel page: the panel's figures and its quality widgets, all read through the
 * actor's access from one snapshot (issue 21: the per-case widgets once read on their own,
 * outside it), so the widgets always agree with the figures beside them.
 */
export async function loadPanelPage(
  db: Db,
  actor: Principal,
  inspectionId: string,
): Promise<{ panel: PanelData; quality: PanelQualityView }> {
  return withSnapshot(db, async (tx) => {
    const access = await panelAccess(tx, actor, inspectionId);
    const [panel, openQueries, unreconciled, firstChangedAfterSecond] = await Promise.all([
      readPanelData(tx, access),
      can(access.actor, 'cases.viewAll', { inspection: access.scope }) ? countUnresolvedQueriesByQuestion(tx, access) : null,
      countUnreconciledByKeyQuestion(tx, access),
      listFirstMarkingsChangedAfterSecond(tx, access),
    ]);
    return {
      panel,
      quality: {
        openQueries,
        unreconciled: [...unreconciled].map(([questionId, cases]) => ({ questionId, cases })),
        firstChangedAfterSecond,
      },
    };
  });
}

/** The panel's figures read in the caller's snapshot, for an access the caller has already checked for `panel.view`. */
export async function readPanelData(db: Db, access: InspectionAccess): Promise<PanelData> {
  const inspectionId = access.id;
  const [inspection, counts, judgements, decisions, caseRows, byInspector, decisionVersions] = await Promise.all([
    db.inspection.findUniqueOrThrow({
      where: { id: inspectionId },
      select: { framework: true, previousRatings: true, previousKeyQuestionPct: true },
    }),
    countAnswers(db, access),
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
    db.panelDecision.groupBy({ by: ['standardId'], where: { inspectionId }, _max: { version: true } }),
  ]);
  const framework: FrameworkVersion = frameworkFromDb(inspection.framework);

  // Counted in Maps: a gender is free text, and "constructor" or "__proto__" is a key like any other.
  const buckets = {
    byType: new Map<string, number>(),
    byDisposal: new Map<string, number>(),
    byRosh: new Map<string, number>(),
    bySafetyWellbeing: new Map<string, number>(),
    byGender: new Map<string, number>(),
  };
  const add = (bucket: Map<string, number>, key: string, n: number) => bucket.set(key, (bucket.get(key) ?? 0) + n);
  const byStatus = { not_started: 0, in_progress: 0, complete: 0 };
  let resettlementCases = 0;
  for (const row of caseRows) {
    const n = row._count._all;
    byStatus[row.status] += n;
    add(buckets.byType, row.type, n);
    add(buckets.byDisposal, row.disposal, n);
    add(buckets.byRosh, row.rosh ?? 'not_recorded', n);
    add(buckets.bySafetyWellbeing, row.safetyWellbeing ?? 'not_recorded', n);
    add(buckets.byGender, row.gender ?? 'Not recorded', n);
    if (row.type === 'resettlement') resettlementCases += n;
  }
  const progress: FieldworkProgress = {
    byStatus,
    byInspector: byInspector.map((r) => ({ name: r.name ?? 'Not allocated', total: r.total, complete: r.complete })),
    // Object.fromEntries defines own properties, so even a "__proto__" key is kept as data.
    sample: {
      byType: Object.fromEntries(buckets.byType),
      byDisposal: Object.fromEntries(buckets.byDisposal),
      byRosh: Object.fromEntries(buckets.byRosh),
      bySafetyWellbeing: Object.fromEntries(buckets.bySafetyWellbeing),
      byGender: Object.fromEntries(buckets.byGender),
    },
  };

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
        {
          id: d.id,
          standardId: d.standardId,
          rating: d.rating,
          rationale: d.rationale,
          decidedByName: d.decidedBy.name,
          decidedAt: d.decidedAt.toISOString(),
        },
      ]),
    ),
    decisionVersions: Object.fromEntries(decisionVersions.map((d) => [d.standardId, d._max.version ?? 0])),
    previousRatings: (inspection.previousRatings ?? {}) as Record<string, Rating>,
    previousKeyQuestionPct: (inspection.previousKeyQuestionPct ?? {}) as Record<string, number>,
    progress,
    computedAt: new Date().toISOString(),
  };
}
