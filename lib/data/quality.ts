import 'server-only';
import { prisma } from '@/lib/db/client';
import type { Db } from '@/lib/db/snapshot';
import { caseScopeFor } from '@/lib/auth/permissions';
import type { AccessOnInspection, CaseAccess } from '@/lib/access/context';
import { caseIdFor, caseWhere, inspectionIdFor } from '@/lib/access/scope';

/** A loaded case access (lib/access/context.ts): the reads of one case take it, never a bare id. */
type OnCase = Pick<CaseAccess, 'actor' | 'id' | 'scope'>;

interface QueryMessageView {
  id: string;
  kind: 'raise' | 'reply' | 'resolve' | 'reopen';
  body: string;
  authorName: string;
  at: string;
  /** The answer as it stood at this step (raise and reply), from the step's audit entry; null when not recorded. */
  answer: AnswerSnapshot | null;
}

export interface AnswerSnapshot {
  value: 'yes' | 'no' | 'na' | null;
  naReason: string | null;
  note: string | null;
  version: number;
}

const isSnapshot = (value: unknown): value is AnswerSnapshot =>
  typeof value === 'object' && value !== null && 'value' in value && 'version' in value;

export interface QueryView {
  id: string;
  questionId: string;
  status: 'open' | 'answered' | 'resolved';
  raisedByName: string;
  messages: QueryMessageView[];
}

/**
 * Every query of a case with its whole thread, for someone who may see the case (case.view):
 * queries are no more secret than the answers they are on. Nothing for anyone else.
 */
export async function listQueriesForCase(kase: OnCase): Promise<QueryView[]> {
  const rows = await prisma.answerQuery.findMany({
    where: { caseId: caseIdFor(kase, 'case.view') },
    orderBy: { raisedAt: 'asc' },
    select: {
      id: true,
      questionId: true,
      status: true,
      raisedBy: { select: { name: true } },
      messages: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  // Each raise and reply wrote one audit entry in the same transaction as its message: pair them in order.
  const entries = rows.length
    ? await prisma.auditEntry.findMany({
        where: { entity: 'answer_query', entityId: { in: rows.map((q) => q.id) }, action: { in: ['query.raise', 'query.reply'] } },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        select: { entityId: true, action: true, newValue: true },
      })
    : [];
  const snapshots = new Map<string, (AnswerSnapshot | null)[]>();
  for (const e of entries) {
    const answer = (e.newValue as { answer?: unknown } | null)?.answer;
    const key = `${e.entityId}:${e.action}`;
    snapshots.set(key, [...(snapshots.get(key) ?? []), isSnapshot(answer) ? answer : null]);
  }
  return rows.map((q) => {
    const seen = { raise: 0, reply: 0 };
    return {
      id: q.id,
      questionId: q.questionId,
      status: q.status,
      raisedByName: q.raisedBy.name,
      messages: q.messages.map((m) => {
        const kind = m.kind as QueryMessageView['kind'];
        const answer = kind === 'raise' || kind === 'reply' ? (snapshots.get(`${q.id}:query.${kind}`)?.[seen[kind]++] ?? null) : null;
        return { id: m.id, kind, body: m.body, authorName: m.author.name, at: m.createdAt.toISOString(), answer };
      }),
    };
  });
}

/**
 * Unresolved queries per case (open: waiting for the inspector; answered: waiting for the
 * reviewer), of the given cases of the access's inspection that the actor may see.
 */
export async function countUnresolvedQueriesByCase(
  access: AccessOnInspection,
  caseIds: string[],
): Promise<Map<string, { open: number; answered: number }>> {
  const out = new Map<string, { open: number; answered: number }>();
  if (caseIds.length === 0) return out;
  const rows = await prisma.answerQuery.groupBy({
    by: ['caseId', 'status'],
    where: {
      caseId: { in: caseIds },
      inspectionId: inspectionIdFor(access, 'inspection.view'),
      case: caseWhere(caseScopeFor(access.actor, 'case.view', access.scope)),
      status: { in: ['open', 'answered'] },
    },
    _count: { _all: true },
  });
  for (const r of rows) {
    const entry = out.get(r.caseId) ?? { open: 0, answered: 0 };
    if (r.status === 'open') entry.open = r._count._all;
    if (r.status === 'answered') entry.answered = r._count._all;
    out.set(r.caseId, entry);
  }
  return out;
}

export interface QualityCoverage {
  casesTotal: number;
  casesReviewed: number;
  /** Unresolved queries (open or answered). */
  queriesOpen: number;
  targetPct: number | null;
  /** Cases to review to meet the target, rounded up. */
  targetCases: number | null;
}

/** "7 of 25 cases reviewed, 3 queries open", against the lead's target: for those who see every case (cases.viewAll). */
export async function loadQualityCoverage(access: AccessOnInspection): Promise<QualityCoverage> {
  const inspectionId = inspectionIdFor(access, 'cases.viewAll');
  const [casesTotal, reviewed, queriesOpen, target] = await Promise.all([
    prisma.case.count({ where: { inspectionId } }),
    prisma.caseReview.findMany({ where: { inspectionId }, distinct: ['caseId'], select: { caseId: true } }),
    prisma.answerQuery.count({ where: { inspectionId, status: { in: ['open', 'answered'] } } }),
    prisma.qualityTarget.findUnique({ where: { inspectionId }, select: { targetPct: true } }),
  ]);
  const targetPct = target?.targetPct ?? null;
  return {
    casesTotal,
    casesReviewed: reviewed.length,
    queriesOpen,
    targetPct,
    targetCases: targetPct === null ? null : Math.ceil((casesTotal * targetPct) / 100),
  };
}

/** Who has reviewed the case, for the review page's "reviewed by" line: for those who may review it (case.review). */
export async function listReviewersOfCase(kase: OnCase): Promise<{ reviewerId: string; name: string; at: string }[]> {
  const rows = await prisma.caseReview.findMany({
    where: { caseId: caseIdFor(kase, 'case.review') },
    orderBy: { reviewedAt: 'asc' },
    select: { reviewerId: true, reviewedAt: true, reviewer: { select: { name: true } } },
  });
  return rows.map((r) => ({ reviewerId: r.reviewerId, name: r.reviewer.name, at: r.reviewedAt.toISOString() }));
}

/** Unresolved queries per case on the given questions (the ratings panel's drill-down), for those who see every case. */
export async function countUnresolvedQueriesOnQuestions(access: AccessOnInspection, questionIds: string[]): Promise<Map<string, number>> {
  const rows = await prisma.answerQuery.groupBy({
    by: ['caseId'],
    where: {
      inspectionId: inspectionIdFor(access, 'cases.viewAll'),
      questionId: { in: questionIds },
      status: { in: ['open', 'answered'] },
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.caseId, r._count._all]));
}

/**
 * Unresolved queries per question id across the inspection (the ratings panel's summary), for
 * those who see every case; read in the caller's snapshot (lib/panel/load-panel.ts).
 */
export async function countUnresolvedQueriesByQuestion(
  db: Db,
  access: AccessOnInspection,
): Promise<{ questionId: string; count: number }[]> {
  const rows = await db.answerQuery.groupBy({
    by: ['questionId'],
    where: { inspectionId: inspectionIdFor(access, 'cases.viewAll'), status: { in: ['open', 'answered'] } },
    _count: { _all: true },
  });
  return rows.map((r) => ({ questionId: r.questionId, count: r._count._all }));
}
