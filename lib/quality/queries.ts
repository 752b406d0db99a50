/**
 * Queries on marked answers (issue 13): the lead inspector or a quality assurer raises a query
 * on one answer of a case, the case's inspector replies (after changing the answer through the
 * normal versioned save, or with a reason), and the reviewer resolves or re-opens it. Every step
 * is a message of the thread and an audit entry, in one transaction that locks the case row, so
 * a query and "Mark as complete" cannot pass each other.
 */
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { can, type Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { canAnswerQuestion, getFramework } from '@/lib/framework';
import { loadCaseAccess, requireInspectionAccess, type CaseAccess } from '@/lib/access/context';
import { notifyInspectionChanged } from '@/lib/realtime/channel';
import { parseOrThrow } from '@/lib/validation/parse';
import {
  CASE_LEVEL_ITEMS,
  ZMarkReviewed,
  ZQualityTarget,
  ZRaiseQuery,
  ZReopenQuery,
  ZReplyToQuery,
  ZResolveQuery,
} from '@/lib/validation/quality';
import { writeAudit } from '@/lib/audit/write';

type Tx = Prisma.TransactionClient;
type QueryStatus = 'open' | 'answered' | 'resolved';

const NOT_FOUND = 'This case does not exist or you do not have access to it.';
const REVIEW_REFUSAL =
  'Only the lead inspector or a quality assurer can review cases, while the inspection is in fieldwork or at the ratings panel.';

async function loadCaseOrThrow(tx: Tx, actor: Actor, caseId: string): Promise<CaseAccess> {
  const kase = await loadCaseAccess(tx, actor, caseId, { lock: true });
  if (!kase) throw new AppError('not_found', NOT_FOUND);
  return kase;
}

/** The query and its case (locked), or not-found when the actor may not see the case. */
async function loadQueryOrThrow(tx: Tx, actor: Actor, queryId: string) {
  const query = await tx.answerQuery.findUnique({
    where: { id: queryId },
    select: { id: true, caseId: true, questionId: true, status: true },
  });
  if (!query) throw new AppError('not_found', 'This query does not exist or you do not have access to it.');
  const kase = await loadCaseOrThrow(tx, actor, query.caseId);
  // Re-read under the case lock: another step on the same thread may have just committed.
  const fresh = await tx.answerQuery.findUniqueOrThrow({ where: { id: queryId }, select: { status: true } });
  return { query: { ...query, status: fresh.status }, kase };
}

async function recordStep(
  tx: Tx,
  actor: Actor,
  kase: CaseAccess,
  queryId: string,
  step: { kind: 'raise' | 'reply' | 'resolve' | 'reopen'; body: string; from: QueryStatus | null; to: QueryStatus; questionId: string },
) {
  await tx.answerQueryMessage.create({ data: { queryId, authorId: actor.id, kind: step.kind, body: step.body } });
  if (step.from !== null) await tx.answerQuery.update({ where: { id: queryId }, data: { status: step.to, updatedAt: new Date() } });
  // The answer as it stands when the query is raised and when it is answered (issue 23), kept in
  // the step's audit entry: the thread shows what was queried and what the reply changed.
  const answer =
    (step.kind === 'raise' || step.kind === 'reply') && !step.questionId.startsWith('case:')
      ? await tx.answer.findUnique({
          where: { caseId_questionId: { caseId: kase.id, questionId: step.questionId } },
          select: { value: true, naReason: true, note: true, version: true },
        })
      : undefined;
  await writeAudit(tx, {
    actorId: actor.id,
    inspectionId: kase.inspectionId,
    action: `query.${step.kind}`,
    entityId: queryId,
    oldValue: step.from === null ? undefined : { status: step.from },
    newValue: {
      status: step.to,
      caseId: kase.id,
      questionId: step.questionId,
      body: step.body,
      ...(answer === undefined ? {} : { answer: answer ?? { value: null, naReason: null, note: null, version: 0 } }),
    },
  });
  await notifyInspectionChanged(tx, kase.inspectionId);
}

/** Raises a query on one answer of a case (a framework question of the case, or a case-level item). */
export async function raiseQuery(db: PrismaClient, actor: Actor, input: unknown): Promise<{ queryId: string; reference: string }> {
  const { caseId, questionId, body } = parseOrThrow(ZRaiseQuery, input);
  return db.$transaction(async (tx) => {
    const kase = await loadCaseOrThrow(tx, actor, caseId);
    if (!can(actor, 'case.review', { case: kase.scope })) throw new AppError('forbidden', REVIEW_REFUSAL);
    const isCaseItem = questionId.startsWith('case:') && (CASE_LEVEL_ITEMS as readonly string[]).includes(questionId.slice(5));
    if (!isCaseItem && !canAnswerQuestion(getFramework(kase.framework), kase, questionId)) {
      throw new AppError('invalid', `Question ${questionId} is not marked on this case.`, {
        questionId: 'Choose an answer of this case to query',
      });
    }
    const query = await tx.answerQuery.create({
      data: { inspectionId: kase.inspectionId, caseId, questionId, raisedById: actor.id },
      select: { id: true },
    });
    await recordStep(tx, actor, kase, query.id, { kind: 'raise', body, from: null, to: 'open', questionId });
    return { queryId: query.id, reference: kase.reference };
  });
}

/** The case's inspector (or the lead) answers an open query: a reason, or what they changed. */
export async function replyToQuery(db: PrismaClient, actor: Actor, input: unknown): Promise<{ reference: string }> {
  const { queryId, body } = parseOrThrow(ZReplyToQuery, input);
  return db.$transaction(async (tx) => {
    const { query, kase } = await loadQueryOrThrow(tx, actor, queryId);
    if (!can(actor, 'case.answerQuery', { case: kase.scope })) {
      throw new AppError('forbidden', 'Only the inspector who has this case (or the lead inspector) can answer its queries.');
    }
    if (query.status !== 'open')
      throw new AppError('conflict', 'This query is not waiting for an answer: it has been answered or resolved already.');
    await recordStep(tx, actor, kase, queryId, { kind: 'reply', body, from: 'open', to: 'answered', questionId: query.questionId });
    return { reference: kase.reference };
  });
}

/** The reviewer accepts the answer and closes the query. */
export async function resolveQuery(db: PrismaClient, actor: Actor, input: unknown): Promise<{ reference: string }> {
  const { queryId, body } = parseOrThrow(ZResolveQuery, input);
  return db.$transaction(async (tx) => {
    const { query, kase } = await loadQueryOrThrow(tx, actor, queryId);
    if (!can(actor, 'case.review', { case: kase.scope })) throw new AppError('forbidden', REVIEW_REFUSAL);
    if (query.status === 'resolved') throw new AppError('conflict', 'This query is already resolved.');
    await recordStep(tx, actor, kase, queryId, { kind: 'resolve', body, from: query.status, to: 'resolved', questionId: query.questionId });
    return { reference: kase.reference };
  });
}

/** The reviewer is not satisfied (or changes their mind): the query goes back to the inspector. */
export async function reopenQuery(db: PrismaClient, actor: Actor, input: unknown): Promise<{ reference: string }> {
  const { queryId, body } = parseOrThrow(ZReopenQuery, input);
  return db.$transaction(async (tx) => {
    const { query, kase } = await loadQueryOrThrow(tx, actor, queryId);
    if (!can(actor, 'case.review', { case: kase.scope })) throw new AppError('forbidden', REVIEW_REFUSAL);
    if (query.status === 'open') throw new AppError('conflict', 'This query is already open.');
    await recordStep(tx, actor, kase, queryId, { kind: 'reopen', body, from: query.status, to: 'open', questionId: query.questionId });
    return { reference: kase.reference };
  });
}

/** Records that the reviewer has reviewed the case (QA coverage counts reviewed cases). Idempotent. */
export async function markCaseReviewed(db: PrismaClient, actor: Actor, input: unknown): Promise<{ reference: string }> {
  const { caseId } = parseOrThrow(ZMarkReviewed, input);
  return db.$transaction(async (tx) => {
    const kase = await loadCaseOrThrow(tx, actor, caseId);
    if (!can(actor, 'case.review', { case: kase.scope })) throw new AppError('forbidden', REVIEW_REFUSAL);
    const existing = await tx.caseReview.findUnique({
      where: { caseId_reviewerId: { caseId, reviewerId: actor.id } },
      select: { caseId: true },
    });
    if (existing) return { reference: kase.reference };
    await tx.caseReview.create({ data: { caseId, reviewerId: actor.id, inspectionId: kase.inspectionId } });
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId: kase.inspectionId,
      action: 'case.reviewed',
      entityId: caseId,
      newValue: { reviewerId: actor.id },
    });
    return { reference: kase.reference };
  });
}

/** The lead inspector sets the share of cases to review (e.g. 20%). */
export async function setQualityTarget(db: PrismaClient, actor: Actor, input: unknown): Promise<{ targetPct: number }> {
  const { inspectionId, targetPct } = parseOrThrow(ZQualityTarget, input);
  return db.$transaction(async (tx) => {
    await requireInspectionAccess(
      tx,
      actor,
      inspectionId,
      'inspection.manage',
      'Only the lead inspector can set the quality assurance target.',
      { lock: true },
    );
    const before = await tx.qualityTarget.findUnique({ where: { inspectionId }, select: { targetPct: true } });
    await tx.qualityTarget.upsert({
      where: { inspectionId },
      create: { inspectionId, targetPct },
      update: { targetPct, updatedAt: new Date() },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId,
      action: 'quality.target',
      entityId: inspectionId,
      oldValue: before ?? undefined,
      newValue: { targetPct },
    });
    return { targetPct };
  });
}

/** Unresolved (open or answered) queries on a case: a case with any cannot be marked complete. */
export async function countUnresolvedQueries(tx: Pick<Tx, 'answerQuery'>, caseId: string): Promise<number> {
  return tx.answerQuery.count({ where: { caseId, status: { in: ['open', 'answered'] } } });
}
