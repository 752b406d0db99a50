import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/auth/permissions';
import { requireInspectionAccess } from '@/lib/access/context';
import { AppError } from '@/lib/errors';
import { findStandard, getFramework } from '@/lib/framework';
import { countAnswers } from '@/lib/marking/count-answers';
import { panelDecisionRefusal } from '@/lib/rating/compute-inspection';
import { rateCaseMarkedStandard } from '@/lib/rating/standard-rating';
import { notifyInspectionChanged } from '@/lib/realtime/channel';
import { ZRecordJudgement, ZRecordPanelDecision, ZSetPanelVisibility, ZWithdrawPanelDecision } from '@/lib/validation/panel';
import { parseOrThrow } from '@/lib/validation/parse';
import { writeAudit } from '@/lib/audit/write';
import { writeAtVersion } from '@/lib/db/concurrency';
import type { Rating } from '@/lib/framework/types';

type Tx = Prisma.TransactionClient;

/** The inspection, locked for the transaction, if the actor may decide its ratings. */
async function loadInspectionForDecision(tx: Tx, actor: Actor, inspectionId: string) {
  const inspection = await requireInspectionAccess(
    tx,
    actor,
    inspectionId,
    'panel.decide',
    'Only the lead inspector can record judgements and panel decisions.',
    { lock: true },
  );
  if (inspection.status === 'published') throw new AppError('forbidden', 'This inspection is published: its ratings can no longer change.');
  return { framework: getFramework(inspection.framework), scope: inspection.scope, access: inspection };
}

/** What a lead whose judgement was refused is shown: the judgement as it stands now. */
export interface JudgementConflict {
  rating: Rating | null;
  evidence: Record<string, string>;
  version: number;
  updatedByName: string;
  updatedAt: string | null;
}

/**
 * What a lead whose panel decision was refused is shown: the standard's decision as it stands
 * now (`rating` null when there is none, or it was withdrawn), who made that change and when.
 */
export interface PanelDecisionConflict {
  rating: Rating | null;
  rationale: string | null;
  version: number;
  updatedByName: string;
  updatedAt: string | null;
  isWithdrawn: boolean;
}

/**
 * The standard's latest panel decision row, active or withdrawn: its version is the standard's
 * decision version (0 when the panel never decided it). Read under the inspection's lock.
 */
function readStandardDecision(tx: Tx, inspectionId: string, standardId: string) {
  return tx.panelDecision.findFirst({
    where: { inspectionId, standardId },
    orderBy: [{ version: 'desc' }, { decidedAt: 'desc' }],
    select: {
      id: true,
      standardId: true,
      rating: true,
      rationale: true,
      version: true,
      decidedAt: true,
      revokedAt: true,
      decidedBy: { select: { name: true } },
      revokedBy: { select: { name: true } },
    },
  });
}

function decisionConflict(current: Awaited<ReturnType<typeof readStandardDecision>>): PanelDecisionConflict {
  if (!current) return { rating: null, rationale: null, version: 0, updatedByName: '', updatedAt: null, isWithdrawn: false };
  const isWithdrawn = current.revokedAt !== null;
  return {
    rating: isWithdrawn ? null : current.rating,
    rationale: isWithdrawn ? null : current.rationale,
    version: current.version,
    updatedByName: (isWithdrawn ? current.revokedBy?.name : current.decidedBy.name) ?? '',
    updatedAt: (current.revokedAt ?? current.decidedAt).toISOString(),
    isWithdrawn,
  };
}

/** Records the lead inspector's judgement on a qualitative standard (domain one; 3.4, 4.1 in 2021). */
export async function recordJudgement(db: PrismaClient, actor: Actor, input: unknown) {
  const change = parseOrThrow(ZRecordJudgement, input);
  return db.$transaction(async (tx) => {
    const { framework } = await loadInspectionForDecision(tx, actor, change.inspectionId);
    const standard = findStandard(framework, change.standardId);
    if (!standard || standard.kind !== 'qualitative') {
      throw new AppError(
        'invalid',
        `${change.standardId} is not a standard the lead inspector judges in the ${framework.version} standards.`,
      );
    }
    const questionIds = new Set(standard.keyQuestions.map((q) => q.id));
    for (const id of Object.keys(change.evidence)) {
      if (!questionIds.has(id)) throw new AppError('invalid', `Question ${id} is not part of standard ${standard.id}.`);
    }
    // Under the inspection's lock (loadInspectionForDecision): the check and the write are one step.
    const result = await writeAtVersion({
      baseVersion: change.baseVersion,
      read: () =>
        tx.qualitativeJudgement.findUnique({
          where: { inspectionId_standardId: { inspectionId: change.inspectionId, standardId: change.standardId } },
          select: { id: true, rating: true, evidence: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
        }),
      theirs: (current): JudgementConflict => ({
        rating: current?.rating ?? null,
        evidence: (current?.evidence ?? {}) as Record<string, string>,
        version: current?.version ?? 0,
        updatedByName: current?.updatedBy.name ?? '',
        updatedAt: current?.updatedAt.toISOString() ?? null,
      }),
      write: async (version, existing) => {
        const data = { rating: change.rating, evidence: change.evidence, version, updatedById: actor.id, updatedAt: new Date() };
        if (existing) await tx.qualitativeJudgement.update({ where: { id: existing.id }, data });
        else await tx.qualitativeJudgement.create({ data: { ...data, inspectionId: change.inspectionId, standardId: change.standardId } });
        await writeAudit(tx, {
          actorId: actor.id,
          inspectionId: change.inspectionId,
          action: 'judgement.record',
          entityId: `${change.inspectionId}:${change.standardId}`,
          oldValue: existing ? { rating: existing.rating, evidence: existing.evidence ?? {} } : null,
          newValue: { rating: change.rating, evidence: change.evidence },
        });
        await notifyInspectionChanged(tx, change.inspectionId);
      },
    });
    return result.status === 'conflict' ? result : { status: 'saved' as const, version: result.version };
  });
}

/** Records a panel decision on a case-marked standard, replacing any active one (audited). */
export async function recordPanelDecision(db: PrismaClient, actor: Actor, input: unknown) {
  const change = parseOrThrow(ZRecordPanelDecision, input);
  return db.$transaction(async (tx) => {
    const { framework, access } = await loadInspectionForDecision(tx, actor, change.inspectionId);
    const standard = findStandard(framework, change.standardId);
    if (!standard || standard.kind !== 'case_marked') {
      throw new AppError(
        'invalid',
        `${change.standardId} is not a case-marked standard in the ${framework.version} standards, so the panel cannot override its rating.`,
      );
    }
    // Professional discretion departs from a computed rating (Blackpool 2021 and Wigan 2021,
    // Annexe 1): read the standard's counts under the inspection lock and refuse without one.
    const counts = await countAnswers(
      tx,
      access,
      standard.keyQuestions.map((kq) => kq.id),
    );
    const refusal = panelDecisionRefusal(standard.id, rateCaseMarkedStandard(standard, counts).computedRating);
    if (refusal) throw new AppError('invalid', `${refusal}.`, { rating: `${refusal}.` });
    const now = new Date();
    const result = await writeAtVersion({
      baseVersion: change.baseVersion,
      read: () => readStandardDecision(tx, change.inspectionId, change.standardId),
      theirs: decisionConflict,
      write: async (version, current) => {
        const previous = current?.revokedAt === null ? current : null;
        if (previous) await tx.panelDecision.update({ where: { id: previous.id }, data: { revokedAt: now, revokedById: actor.id } });
        const decision = await tx.panelDecision.create({
          data: {
            inspectionId: change.inspectionId,
            standardId: change.standardId,
            rating: change.rating,
            rationale: change.rationale,
            decidedById: actor.id,
            decidedAt: now,
            version,
          },
          select: { id: true },
        });
        await writeAudit(tx, {
          actorId: actor.id,
          inspectionId: change.inspectionId,
          action: 'panel.decide',
          entityId: decision.id,
          oldValue: previous ? { rating: previous.rating, rationale: previous.rationale } : null,
          newValue: { standardId: change.standardId, rating: change.rating, rationale: change.rationale },
        });
        await notifyInspectionChanged(tx, change.inspectionId);
        return decision;
      },
    });
    return result.status === 'conflict' ? result : { status: 'saved' as const, version: result.version, id: result.saved.id };
  });
}

/** Withdraws an active panel decision: the computed rating applies again. */
export async function withdrawPanelDecision(db: PrismaClient, actor: Actor, input: unknown) {
  const change = parseOrThrow(ZWithdrawPanelDecision, input);
  return db.$transaction(async (tx) => {
    await loadInspectionForDecision(tx, actor, change.inspectionId);
    const decision = await tx.panelDecision.findFirst({
      where: { id: change.decisionId, inspectionId: change.inspectionId },
      select: { standardId: true },
    });
    if (!decision) throw new AppError('not_found', 'That panel decision does not exist.');
    // Withdrawing is a change of the standard's decision like any other: made on the version the
    // lead saw, so a decision someone recorded meanwhile is shown, not silently withdrawn.
    const result = await writeAtVersion({
      baseVersion: change.baseVersion,
      read: () => readStandardDecision(tx, change.inspectionId, decision.standardId),
      theirs: decisionConflict,
      write: async (version, current) => {
        if (!current || current.revokedAt !== null || current.id !== change.decisionId) {
          throw new AppError('conflict', 'That panel decision was already withdrawn.');
        }
        await tx.panelDecision.update({ where: { id: current.id }, data: { revokedAt: new Date(), revokedById: actor.id, version } });
        await writeAudit(tx, {
          actorId: actor.id,
          inspectionId: change.inspectionId,
          action: 'panel.withdraw',
          entityId: current.id,
          oldValue: { standardId: current.standardId, rating: current.rating, rationale: current.rationale },
          newValue: { withdrawn: true },
        });
        await notifyInspectionChanged(tx, change.inspectionId);
      },
    });
    return result.status === 'conflict' ? result : { status: 'saved' as const, version: result.version };
  });
}

/** The lead lets inspectors on the team see the panel read-only (or stops them). */
export async function setPanelVisibility(db: PrismaClient, actor: Actor, input: unknown) {
  const change = parseOrThrow(ZSetPanelVisibility, input);
  return db.$transaction(async (tx) => {
    const { scope } = await loadInspectionForDecision(tx, actor, change.inspectionId);
    const after = await tx.inspection.update({
      where: { id: change.inspectionId },
      data: { isPanelVisibleToTeam: change.isPanelVisibleToTeam },
      select: { isPanelVisibleToTeam: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId: change.inspectionId,
      action: 'panel.visibility',
      entityId: change.inspectionId,
      oldValue: { isPanelVisibleToTeam: scope.isPanelVisibleToTeam ?? false },
      newValue: { isPanelVisibleToTeam: after.isPanelVisibleToTeam },
    });
    // Open panel streams re-check who may see them.
    await notifyInspectionChanged(tx, change.inspectionId);
  });
}
