/**
 * Blind second marking, agreement and reconciliation (issue 13). The lead inspector picks a case
 * and a second inspector; the second inspector marks the case's key questions without seeing the
 * first marking (lib/auth/permissions.ts, isBlindTo) and submits. Submission copies the first
 * marking's judgements beside the second ones, so agreement compares the two as they stood then.
 * On a disagreement the lead records the agreed answer and why: it is written into the first
 * marking's answer (versioned and audited as a reconciliation), which is what the ratings count.
 * Every write is one transaction with its audit entries, and NOTIFYs the ratings panel.
 */
import { writeAudit, type AuditEntry } from '@/lib/audit/write';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { can, explainSecondMarkerRefusal, type Actor, type InspectionScope, type SecondMarkingScope } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { findQuestion, getFramework, listKeyQuestionsForCase } from '@/lib/framework';
import type { CaseType, Disposal, FrameworkVersion } from '@/lib/framework/types';
import { loadCaseAccess, loadSecondMarkingAccess } from '@/lib/access/context';
import { notifyInspectionChanged } from '@/lib/realtime/channel';
import { parseOrThrow } from '@/lib/validation/parse';
import { ZAssignSecondMarking, ZWithdrawSecondMarking, ZReconcile, ZSaveSecondMarking } from '@/lib/validation/second-marking';

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;
type Value = 'yes' | 'no' | 'na';

const NOT_FOUND = 'This second marking does not exist or you do not have access to it.';

/** The element id of a key question's field on the second-marking form (also its field-error key). */
export function secondMarkingFieldId(questionId: string, field: 'value' | 'naReason' | 'note'): string {
  return `sm-${questionId.replace(/\./g, '-')}-${field}`;
}

export interface LoadedSecondMarking {
  /** Whose scope this is: the reads of the second marking take the loaded access, actor included. */
  actor: Actor;
  id: string;
  inspectionId: string;
  caseId: string;
  reference: string;
  caseType: CaseType;
  disposal: Disposal;
  caseInspectorId: string | null;
  framework: FrameworkVersion;
  markerId: string;
  version: number;
  submittedAt: Date | null;
  scope: InspectionScope;
  marking: SecondMarkingScope;
}

/**
 * A second marking with the actor's scope on its inspection, or null when it does not exist or
 * the actor may neither mark it nor compare it (the same not-found for both). Loaded through the
 * access context (lib/access/context.ts, loadSecondMarkingAccess). `forUpdate` locks the second
 * marking and its case for the rest of the transaction.
 */
export async function loadSecondMarkingForActor(
  db: Db,
  actor: Actor,
  secondMarkingId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedSecondMarking | null> {
  const loaded = await loadSecondMarkingAccess(db, actor, secondMarkingId, { lock: options.forUpdate });
  if (!loaded) return null;
  const scope = loaded.inspection.scope;
  const isMarker = loaded.markerId === actor.id && scope.role === 'inspector';
  if (!isMarker && !can(actor, 'agreement.view', { inspection: scope })) return null;
  return {
    actor,
    id: loaded.id,
    inspectionId: loaded.inspection.id,
    caseId: loaded.caseId,
    reference: loaded.reference,
    caseType: loaded.caseType,
    disposal: loaded.disposal,
    caseInspectorId: loaded.caseInspectorId,
    framework: loaded.inspection.framework,
    markerId: loaded.markerId,
    version: loaded.version,
    submittedAt: loaded.submittedAt,
    scope,
    marking: loaded.marking,
  };
}

/** The key questions a second marking records: those of the case's case-marked standards that can apply to it. */
export function secondMarkingQuestions(framework: FrameworkVersion, kase: { type: CaseType; disposal: Disposal }) {
  return listKeyQuestionsForCase(getFramework(framework), kase);
}

async function audit(tx: Tx, actor: Actor, inspectionId: string, entry: Omit<AuditEntry, 'actorId' | 'inspectionId'>) {
  await writeAudit(tx, { actorId: actor.id, inspectionId, ...entry });
}

/** The lead inspector picks a case for second marking and its second inspector (an inspector, not the case's own). */
export async function assignSecondMarking(
  db: PrismaClient,
  actor: Actor,
  input: unknown,
): Promise<{ secondMarkingId: string; reference: string }> {
  const { caseId, markerId } = parseOrThrow(ZAssignSecondMarking, input);
  return db.$transaction(async (tx) => {
    const kase = await loadCaseAccess(tx, actor, caseId, { lock: true });
    if (!kase) throw new AppError('not_found', 'This case does not exist or you do not have access to it.', { caseId: 'Choose a case' });
    if (!can(actor, 'secondMarking.assign', { inspection: kase.scope })) {
      throw new AppError('forbidden', 'Only the lead inspector can pick cases for second marking, while the inspection is in fieldwork.');
    }
    if (kase.type === 'resettlement') {
      throw new AppError('invalid', 'Resettlement cases have no key questions to second mark.', {
        caseId: 'Choose a court or out-of-court case',
      });
    }
    const existing = await tx.secondMarking.findUnique({ where: { caseId }, select: { id: true } });
    if (existing)
      throw new AppError('conflict', `Case ${kase.reference} already has a second marking.`, { caseId: 'Choose a case not yet picked' });
    const member = await tx.inspectionMember.findUnique({
      where: { inspectionId_userId: { inspectionId: kase.inspectionId, userId: markerId } },
      select: { role: true, user: { select: { isActive: true } } },
    });
    const refusal = explainSecondMarkerRefusal({ id: markerId, role: member?.user.isActive ? member.role : null }, kase.inspectorId);
    if (refusal) throw new AppError('invalid', refusal, { markerId: refusal });
    const created = await tx.secondMarking.create({
      data: { inspectionId: kase.inspectionId, caseId, markerId, assignedById: actor.id },
      select: { id: true },
    });
    await audit(tx, actor, kase.inspectionId, {
      action: 'second_marking.assign',
      entityId: created.id,
      newValue: { caseId, markerId },
    });
    // Any ratings panel the second inspector has open re-checks, and closes: they are blind now.
    await notifyInspectionChanged(tx, kase.inspectionId);
    return { secondMarkingId: created.id, reference: kase.reference };
  });
}

/**
 * The lead inspector withdraws a second marking not yet submitted — the wrong case or the wrong
 * inspector was picked, or the inspector is away — with whatever the second inspector had saved of
 * it (audited with the count). The case can then be picked again. A submitted second marking is
 * kept: the agreement figures and any reconciliation rest on it.
 */
export async function withdrawSecondMarking(db: PrismaClient, actor: Actor, input: unknown): Promise<{ reference: string }> {
  const { secondMarkingId } = parseOrThrow(ZWithdrawSecondMarking, input);
  return db.$transaction(async (tx) => {
    const marking = await tx.secondMarking.findUnique({
      where: { id: secondMarkingId },
      select: { caseId: true, markerId: true, submittedAt: true, _count: { select: { answers: true } } },
    });
    const kase = marking ? await loadCaseAccess(tx, actor, marking.caseId, { lock: true }) : null;
    if (!marking || !kase) throw new AppError('not_found', NOT_FOUND);
    if (!can(actor, 'secondMarking.assign', { inspection: kase.scope })) {
      throw new AppError('forbidden', 'Only the lead inspector can withdraw a second marking, while the inspection is in fieldwork.');
    }
    if (marking.submittedAt) {
      throw new AppError(
        'invalid',
        `The second marking of case ${kase.reference} is submitted, so it is kept: the agreement figures and any reconciliation rest on it.`,
      );
    }
    await tx.secondMarking.delete({ where: { id: secondMarkingId } });
    await audit(tx, actor, kase.inspectionId, {
      action: 'second_marking.withdraw',
      entityId: secondMarkingId,
      oldValue: { caseId: marking.caseId, markerId: marking.markerId, answersSaved: marking._count.answers },
    });
    // The second inspector is no longer blind: their open pages and streams re-check.
    await notifyInspectionChanged(tx, kase.inspectionId);
    return { reference: kase.reference };
  });
}

/**
 * The second inspector saves their judgements (or submits them: every key question then needs
 * a judgement and an evidence note). The whole form is saved on the version the page had; if
 * another window saved meanwhile, nothing is written. On submission the first marking's
 * judgements are copied beside the second ones, and the second inspector is no longer blind.
 */
export async function saveSecondMarking(
  db: PrismaClient,
  actor: Actor,
  input: unknown,
): Promise<{ version: number; isSubmitted: boolean; reference: string }> {
  const change = parseOrThrow(ZSaveSecondMarking, input);
  return db.$transaction(async (tx) => {
    const loaded = await loadSecondMarkingForActor(tx, actor, change.secondMarkingId, { forUpdate: true });
    if (!loaded || loaded.markerId !== actor.id) throw new AppError('not_found', NOT_FOUND);
    if (loaded.marking.isSubmitted) throw new AppError('conflict', 'You have already submitted this second marking; it cannot be changed.');
    if (!can(actor, 'secondMarking.mark', { inspection: loaded.scope, secondMarking: loaded.marking })) {
      throw new AppError('forbidden', 'Second marking is done while the inspection is in fieldwork, by the inspector picked for it.');
    }
    if (loaded.version !== change.version) {
      throw new AppError('conflict', 'This second marking was saved in another window since you opened it. Reload the page to see it.');
    }
    const questions = secondMarkingQuestions(loaded.framework, { type: loaded.caseType, disposal: loaded.disposal });
    const ids = new Set(questions.map((q) => q.id));
    for (const key of [...Object.keys(change.value), ...Object.keys(change.naReason), ...Object.keys(change.note)]) {
      if (!ids.has(key)) throw new AppError('invalid', `Key question ${key} is not marked on this case.`);
    }
    const fieldErrors: Record<string, string> = {};
    const rows = questions.map((q) => {
      const value = change.value[q.id] || null;
      const naReason = value === 'na' ? change.naReason[q.id]?.trim() || null : null;
      const note = change.note[q.id]?.trim() || null;
      if (value === 'na' && !naReason)
        fieldErrors[secondMarkingFieldId(q.id, 'naReason')] = `${q.id}: give a reason why it is not applicable`;
      if (change.intent === 'submit' && !value)
        fieldErrors[secondMarkingFieldId(q.id, 'value')] = `${q.id}: choose Yes, No or Not applicable`;
      if (change.intent === 'submit' && !note) fieldErrors[secondMarkingFieldId(q.id, 'note')] = `${q.id}: write an evidence note`;
      return { questionId: q.id, value, naReason, note };
    });
    if (Object.keys(fieldErrors).length) {
      throw new AppError(
        'invalid',
        change.intent === 'submit' ? 'Answer every key question before you submit.' : 'Check your answers.',
        fieldErrors,
      );
    }
    const now = new Date();
    for (const row of rows) {
      await tx.secondMarkingAnswer.upsert({
        where: { secondMarkingId_questionId: { secondMarkingId: loaded.id, questionId: row.questionId } },
        create: { secondMarkingId: loaded.id, ...row, updatedAt: now },
        update: { value: row.value, naReason: row.naReason, note: row.note, updatedAt: now },
      });
    }
    const isSubmitted = change.intent === 'submit';
    let snapshot: Record<string, { value: Value | null; naReason: string | null }> = {};
    if (isSubmitted) {
      // The first marking as it stands at submission: the agreement statistics compare with this.
      const first = await tx.answer.findMany({
        where: { caseId: loaded.caseId, questionId: { in: [...ids] } },
        select: { questionId: true, value: true, naReason: true },
      });
      snapshot = Object.fromEntries(first.map((a) => [a.questionId, { value: a.value, naReason: a.naReason }]));
      for (const row of rows) {
        const firstAnswer = snapshot[row.questionId];
        await tx.secondMarkingAnswer.update({
          where: { secondMarkingId_questionId: { secondMarkingId: loaded.id, questionId: row.questionId } },
          data: { firstValue: firstAnswer?.value ?? null, firstNaReason: firstAnswer?.naReason ?? null },
        });
      }
    }
    const updated = await tx.secondMarking.update({
      where: { id: loaded.id },
      data: { version: { increment: 1 }, submittedAt: isSubmitted ? now : null },
      select: { version: true },
    });
    await audit(tx, actor, loaded.inspectionId, {
      action: isSubmitted ? 'second_marking.submit' : 'second_marking.save',
      entityId: loaded.id,
      newValue: { answers: rows, ...(isSubmitted ? { firstMarking: snapshot } : {}) },
    });
    if (isSubmitted) await notifyInspectionChanged(tx, loaded.inspectionId);
    return { version: updated.version, isSubmitted, reference: loaded.reference };
  });
}

/**
 * The lead inspector records the agreed answer on one disagreement, with the reason. The agreed
 * answer is written into the first marking's answer on the version the page showed (optimistic
 * concurrency, as a save), audited as `answer.reconcile`, so the ratings count it from now on.
 */
export async function reconcileDisagreement(
  db: PrismaClient,
  actor: Actor,
  input: unknown,
): Promise<{ reference: string; questionId: string }> {
  const change = parseOrThrow(ZReconcile, input);
  return db.$transaction(async (tx) => {
    const loaded = await loadSecondMarkingForActor(tx, actor, change.secondMarkingId, { forUpdate: true });
    if (!loaded) throw new AppError('not_found', NOT_FOUND);
    if (!can(actor, 'secondMarking.reconcile', { inspection: loaded.scope, secondMarking: loaded.marking })) {
      throw new AppError(
        'forbidden',
        'Only the lead inspector can reconcile a submitted second marking, while the inspection is in fieldwork or at the ratings panel.',
      );
    }
    const ref = findQuestion(getFramework(loaded.framework), change.questionId);
    const pair = await tx.secondMarkingAnswer.findUnique({
      where: { secondMarkingId_questionId: { secondMarkingId: loaded.id, questionId: change.questionId } },
      select: { value: true, firstValue: true },
    });
    if (!ref || ref.kind !== 'key_question' || !pair || pair.value === null || pair.firstValue === null || pair.value === pair.firstValue) {
      throw new AppError('invalid', `The two markings of ${change.questionId} do not disagree, so there is nothing to reconcile.`);
    }
    const naReason = change.value === 'na' ? change.naReason || null : null;
    if (change.value === 'na' && !naReason) {
      throw new AppError('invalid', 'Give a reason why this key question is not applicable', {
        naReason: 'Give a reason why this key question is not applicable',
      });
    }
    const already = await tx.secondMarkingReconciliation.findUnique({
      where: { secondMarkingId_questionId: { secondMarkingId: loaded.id, questionId: change.questionId } },
      select: { id: true },
    });
    if (already) throw new AppError('conflict', `${change.questionId} on case ${loaded.reference} is already reconciled.`);
    const current = await tx.answer.findUnique({
      where: { caseId_questionId: { caseId: loaded.caseId, questionId: change.questionId } },
      select: { value: true, naReason: true, version: true },
    });
    if ((current?.version ?? 0) !== change.answerVersion) {
      throw new AppError(
        'conflict',
        'The first marking of this key question changed since you opened the page. Reload it to see the answer as it is now.',
      );
    }
    if (current) {
      await tx.answer.update({
        where: { caseId_questionId: { caseId: loaded.caseId, questionId: change.questionId } },
        data: { value: change.value, naReason, version: { increment: 1 }, updatedById: actor.id, updatedAt: new Date() },
      });
    } else {
      await tx.answer.create({
        data: {
          caseId: loaded.caseId,
          inspectionId: loaded.inspectionId,
          questionId: change.questionId,
          value: change.value,
          naReason,
          updatedById: actor.id,
        },
      });
    }
    const reconciliation = await tx.secondMarkingReconciliation.create({
      data: {
        secondMarkingId: loaded.id,
        questionId: change.questionId,
        value: change.value,
        naReason,
        reason: change.reason,
        reconciledById: actor.id,
      },
      select: { id: true },
    });
    // Audited as the save path audits an answer, marked as a reconciliation, with its reason.
    await audit(tx, actor, loaded.inspectionId, {
      action: 'answer.reconcile',
      entityId: `${loaded.caseId}:${change.questionId}`,
      oldValue: current ? { value: current.value, naReason: current.naReason } : undefined,
      newValue: { value: change.value, naReason, reconciliationId: reconciliation.id, reason: change.reason },
    });
    await audit(tx, actor, loaded.inspectionId, {
      action: 'second_marking.reconcile',
      entityId: loaded.id,
      newValue: { questionId: change.questionId, value: change.value, naReason, reason: change.reason },
    });
    await notifyInspectionChanged(tx, loaded.inspectionId);
    return { reference: loaded.reference, questionId: change.questionId };
  });
}
