import type { PrismaClient } from '@/lib/generated/prisma/client';
import { can, explainMarkRefusal, type Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { getFramework } from '@/lib/framework';
import { ZCaseRef, ZSaveCaseDetails } from '@/lib/validation/marking';
import { parseOrThrow } from '@/lib/validation/parse';
import { notifyInspectionChanged } from '@/lib/realtime/channel';
import { loadCaseAccess } from '@/lib/access/context';
import { listMissingAnswers, type MissingItem } from './missing-answers';
import { countUnresolvedQueries } from '@/lib/quality/queries';
import { writeAudit } from '@/lib/audit/write';
import { writeAtVersion } from '@/lib/db/concurrency';
import { auditSourceOf, type SaveRoute } from './save-route';
import { must } from '@/lib/must';

const CASE_DETAILS = {
  agreesWithRosh: true,
  agreesWithSafety: true,
  isCaseManagerInterviewed: true,
  isPracticeExample: true,
  practiceExample: true,
  version: true,
} as const;

/**
 * Saves the case-level items (classification agreement, interview, practice example) on the
 * case's version. A reply lost on the way back (ADR 0015): a change whose `changeId` the case
 * holds, with its version unmoved since, is answered as saved without writing (`isRepeat`); one
 * that `replaces` the change the case holds is applied on top of it; anything else on a stale
 * version is a conflict.
 */
export async function saveCaseDetails(
  db: PrismaClient,
  actor: Actor,
  input: unknown,
  /** The inspection the address names (a case of another is not found), and the route the change came by. */
  where: { inspectionId?: string; route?: SaveRoute } = {},
) {
  const change = parseOrThrow(ZSaveCaseDetails, input);
  return db.$transaction(async (tx) => {
    const kase = await loadCaseAccess(tx, actor, change.caseId, { lock: true });
    if (!kase || (where.inspectionId !== undefined && kase.inspectionId !== where.inspectionId))
      throw new AppError('not_found', 'This case does not exist or you do not have access to it.');
    const refusal = explainMarkRefusal(actor, kase.scope);
    if (refusal) throw new AppError('forbidden', refusal);
    if (kase.status === 'complete')
      throw new AppError('forbidden', 'This case is marked as complete. Ask the lead inspector to reopen it before changing it.');
    const { caseId: _caseId, baseVersion, changeId, replaces, ...data } = change;
    // The case row is locked (loadCaseForActor forUpdate) until the transaction ends.
    const { lastChangeId, lastChangeVersion, lastChangeById, ...current } = must(
      await tx.case.findUnique({
        where: { id: kase.id },
        select: { ...CASE_DETAILS, lastChangeId: true, lastChangeVersion: true, lastChangeById: true },
      }),
      'the case just locked',
    );
    // The id of this sender's details save that made the case's version, if nothing has moved it since.
    const ownId = lastChangeVersion === current.version && lastChangeById === actor.id ? lastChangeId : null;
    // The outbox merges a case's waiting details into one patch sent under the newest entry's id:
    // the case may hold that id while an earlier item of the patch never reached it. So the
    // sender's own change is a repeat only if the case already holds every item; otherwise the
    // patch goes on top of it, as on top of any earlier change of theirs it replaces.
    const isOwn = ownId !== null && (ownId === changeId || (replaces?.includes(ownId) ?? false));
    if (isOwn && ownId === changeId && Object.entries(data).every(([k, v]) => current[k as keyof typeof current] === v)) {
      return { status: 'saved' as const, details: current, isRepeat: true };
    }
    const result = await writeAtVersion({
      baseVersion: isOwn ? current.version : baseVersion,
      read: () => Promise.resolve(current),
      theirs: (theirs) => theirs,
      write: async (version, before) => {
        const after = await tx.case.update({
          where: { id: kase.id },
          data: {
            ...data,
            version,
            lastChangeId: changeId ?? null,
            lastChangeVersion: version,
            lastChangeById: actor.id,
            ...(kase.status === 'not_started' ? { status: 'in_progress' } : {}),
          },
          select: CASE_DETAILS,
        });
        const oldValue = before ? Object.fromEntries(Object.keys(data).map((k) => [k, before[k as keyof typeof before]])) : null;
        await writeAudit(tx, {
          actorId: actor.id,
          inspectionId: kase.inspectionId,
          action: 'case.details',
          entityId: kase.id,
          oldValue,
          newValue: { ...data, ...auditSourceOf(where.route) },
        });
        return after;
      },
    });
    if (result.status === 'conflict') {
      if (!result.theirs) throw new AppError('not_found', 'This case does not exist or you do not have access to it.');
      // Cases keep no "changed by": the audit trail says who made the change I am shown, and when.
      const last = await tx.auditEntry.findFirst({
        where: { entity: 'case', entityId: kase.id, action: 'case.details' },
        orderBy: { id: 'desc' },
        select: { at: true, actor: { select: { name: true } } },
      });
      return {
        status: 'conflict' as const,
        theirs: result.theirs,
        changedBy: last?.actor?.name ?? null,
        changedAt: last?.at.toISOString() ?? null,
      };
    }
    return { status: 'saved' as const, details: result.saved, isRepeat: false };
  });
}

/** Marks a case complete when nothing is missing; otherwise returns what is missing. */
export async function completeCase(
  db: PrismaClient,
  actor: Actor,
  input: unknown,
): Promise<{ status: 'complete' } | { status: 'missing'; missing: MissingItem[] }> {
  const { caseId } = parseOrThrow(ZCaseRef, input);
  return db.$transaction(async (tx) => {
    const kase = await loadCaseAccess(tx, actor, caseId, { lock: true });
    if (!kase) throw new AppError('not_found', 'This case does not exist or you do not have access to it.');
    const refusal = explainMarkRefusal(actor, kase.scope);
    if (refusal) throw new AppError('forbidden', refusal);
    if (kase.status === 'complete') return { status: 'complete' as const };
    // Issue 13: a reviewer's query must be answered and resolved before the case is complete.
    const unresolved = await countUnresolvedQueries(tx, caseId);
    if (unresolved > 0) {
      throw new AppError(
        'conflict',
        `This case has ${unresolved} ${unresolved === 1 ? 'query' : 'queries'} not yet resolved. Answer ${unresolved === 1 ? 'it' : 'them'} on the case page; the reviewer resolves ${unresolved === 1 ? 'it' : 'them'}, then you can mark the case as complete.`,
      );
    }
    const [answers, details] = await Promise.all([
      tx.answer.findMany({ where: { caseId }, select: { questionId: true, value: true, naReason: true } }),
      tx.case.findUniqueOrThrow({
        where: { id: caseId },
        select: { agreesWithRosh: true, agreesWithSafety: true, isCaseManagerInterviewed: true },
      }),
    ]);
    const missing = listMissingAnswers(
      getFramework(kase.framework),
      kase,
      Object.fromEntries(answers.map((a) => [a.questionId, a])),
      details,
    );
    if (missing.length) return { status: 'missing' as const, missing };
    await tx.case.update({ where: { id: caseId }, data: { status: 'complete' } });
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId: kase.inspectionId,
      action: 'case.complete',
      entityId: caseId,
      oldValue: { status: kase.status },
      newValue: { status: 'complete' },
    });
    await notifyInspectionChanged(tx, kase.inspectionId);
    return { status: 'complete' as const };
  });
}

/** The lead inspector (or an admin) reopens a completed case for changes. */
export async function reopenCase(db: PrismaClient, actor: Actor, input: unknown): Promise<void> {
  const { caseId } = parseOrThrow(ZCaseRef, input);
  await db.$transaction(async (tx) => {
    const kase = await loadCaseAccess(tx, actor, caseId, { lock: true });
    if (!kase) throw new AppError('not_found', 'This case does not exist or you do not have access to it.');
    if (!can(actor, 'case.reopen', { case: kase.scope }))
      throw new AppError('forbidden', 'Only the lead inspector can reopen a completed case.');
    if (kase.status !== 'complete') throw new AppError('conflict', 'This case is not complete, so there is nothing to reopen.');
    if (kase.scope.status === 'published')
      throw new AppError('forbidden', 'This inspection is published: its cases can no longer be reopened.');
    await tx.case.update({ where: { id: caseId }, data: { status: 'in_progress' } });
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId: kase.inspectionId,
      action: 'case.reopen',
      entityId: caseId,
      oldValue: { status: 'complete' },
      newValue: { status: 'in_progress' },
    });
    await notifyInspectionChanged(tx, kase.inspectionId);
  });
}
