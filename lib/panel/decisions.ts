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

type Tx = Prisma.TransactionClient;

/** The inspection, locked for the transaction, if the actor may decide its ratings. */
async function loadInspectionForDecision(tx: Tx, actor: Actor, inspectionId: string) {
  const inspection = await requireInspectionAccess(
    tx,
    actor,
    inspectionId,
    'panel.decide',
    'Only the lead inspector can record judgements and panel decisions.',
  );
  if (inspection.status === 'published') throw new AppError('forbidden', 'This inspection is published: its ratings can no longer change.');
  return { framework: getFramework(inspection.framework), scope: inspection.scope, access: inspection };
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
    const existing = await tx.qualitativeJudgement.findUnique({
      where: { inspectionId_standardId: { inspectionId: change.inspectionId, standardId: change.standardId } },
      select: { id: true, rating: true, evidence: true, version: true, updatedBy: { select: { name: true } } },
    });
    if ((existing?.version ?? 0) !== change.baseVersion) {
      return {
        status: 'conflict' as const,
        theirs: {
          rating: existing?.rating ?? null,
          evidence: existing?.evidence ?? {},
          version: existing?.version ?? 0,
          updatedByName: existing?.updatedBy.name ?? '',
        },
      };
    }
    const saved = existing
      ? await tx.qualitativeJudgement.update({
          where: { id: existing.id },
          data: {
            rating: change.rating,
            evidence: change.evidence,
            version: { increment: 1 },
            updatedById: actor.id,
            updatedAt: new Date(),
          },
          select: { version: true },
        })
      : await tx.qualitativeJudgement.create({
          data: {
            inspectionId: change.inspectionId,
            standardId: change.standardId,
            rating: change.rating,
            evidence: change.evidence,
            updatedById: actor.id,
          },
          select: { version: true },
        });
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        inspectionId: change.inspectionId,
        action: 'judgement.record',
        entity: 'qualitative_judgement',
        entityId: `${change.inspectionId}:${change.standardId}`,
        oldValue: existing ? { rating: existing.rating, evidence: existing.evidence } : undefined,
        newValue: { rating: change.rating, evidence: change.evidence },
      },
    });
    await notifyInspectionChanged(tx, change.inspectionId);
    return { status: 'saved' as const, version: saved.version };
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
    const previous = await tx.panelDecision.findFirst({
      where: { inspectionId: change.inspectionId, standardId: change.standardId, revokedAt: null },
      select: { id: true, rating: true, rationale: true },
    });
    if (previous) await tx.panelDecision.update({ where: { id: previous.id }, data: { revokedAt: now, revokedById: actor.id } });
    const decision = await tx.panelDecision.create({
      data: {
        inspectionId: change.inspectionId,
        standardId: change.standardId,
        rating: change.rating,
        rationale: change.rationale,
        decidedById: actor.id,
        decidedAt: now,
      },
      select: { id: true },
    });
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        inspectionId: change.inspectionId,
        action: 'panel.decide',
        entity: 'panel_decision',
        entityId: decision.id,
        oldValue: previous ? { rating: previous.rating, rationale: previous.rationale } : undefined,
        newValue: { standardId: change.standardId, rating: change.rating, rationale: change.rationale },
      },
    });
    await notifyInspectionChanged(tx, change.inspectionId);
    return { id: decision.id };
  });
}

/** Withdraws an active panel decision: the computed rating applies again. */
export async function withdrawPanelDecision(db: PrismaClient, actor: Actor, input: unknown) {
  const change = parseOrThrow(ZWithdrawPanelDecision, input);
  return db.$transaction(async (tx) => {
    await loadInspectionForDecision(tx, actor, change.inspectionId);
    const decision = await tx.panelDecision.findFirst({
      where: { id: change.decisionId, inspectionId: change.inspectionId },
      select: { id: true, standardId: true, rating: true, rationale: true, revokedAt: true },
    });
    if (!decision) throw new AppError('not_found', 'That panel decision does not exist.');
    if (decision.revokedAt) throw new AppError('conflict', 'That panel decision was already withdrawn.');
    await tx.panelDecision.update({ where: { id: decision.id }, data: { revokedAt: new Date(), revokedById: actor.id } });
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        inspectionId: change.inspectionId,
        action: 'panel.withdraw',
        entity: 'panel_decision',
        entityId: decision.id,
        oldValue: { standardId: decision.standardId, rating: decision.rating, rationale: decision.rationale },
        newValue: { withdrawn: true },
      },
    });
    await notifyInspectionChanged(tx, change.inspectionId);
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
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        inspectionId: change.inspectionId,
        action: 'panel.visibility',
        entity: 'inspection',
        entityId: change.inspectionId,
        oldValue: { isPanelVisibleToTeam: scope.isPanelVisibleToTeam ?? false },
        newValue: { isPanelVisibleToTeam: after.isPanelVisibleToTeam },
      },
    });
    // Open panel streams re-check who may see them.
    await notifyInspectionChanged(tx, change.inspectionId);
  });
}
