import type { PrismaClient } from '@/lib/generated/prisma/client';
import { explainMarkRefusal, type Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { canAnswerQuestion, findQuestion, getFramework } from '@/lib/framework';
import { ZSaveAnswer } from '@/lib/validation/marking';
import { parseOrThrow } from '@/lib/validation/parse';
import { countAnswers, type QuestionCounts } from '@/lib/marking/count-answers';
import { INSPECTION_CHANNEL } from '@/lib/realtime/channel';
import { loadCaseForActor } from './case-scope';

export interface SavedAnswer {
  questionId: string;
  value: 'yes' | 'no' | 'na' | null;
  naReason: string | null;
  note: string | null;
  version: number;
  updatedAt: string;
  updatedByName: string;
}

export type SaveAnswerResult =
  | { status: 'saved'; answer: SavedAnswer; standardId: string | null; counts: QuestionCounts; caseStatus: string }
  | { status: 'conflict'; theirs: SavedAnswer };

/**
 * Records one answer (judgement, prompt or resettlement aspect value, or its note) with
 * optimistic concurrency: the change is applied only if the answer is still at `baseVersion`;
 * otherwise nothing is written and the other person's answer is returned so the inspector can
 * choose. In the same transaction: the audit entry, the case's status, and a NOTIFY for the
 * ratings panel; then the standard's fresh counts from one aggregate.
 */
export async function saveAnswer(db: PrismaClient, actor: Actor, input: unknown): Promise<SaveAnswerResult> {
  const change = parseOrThrow(ZSaveAnswer, input);

  const result = await db.$transaction(async (tx) => {
    const kase = await loadCaseForActor(tx, actor, change.caseId, { forUpdate: true });
    if (!kase) throw new AppError('not_found', 'This case does not exist or you do not have access to it.');
    const refusal = explainMarkRefusal(actor, kase.scope);
    if (refusal) throw new AppError('forbidden', refusal);
    if (kase.status === 'complete') {
      throw new AppError('forbidden', 'This case is marked as complete. Ask the lead inspector to reopen it before changing it.');
    }
    const framework = getFramework(kase.framework);
    const ref = findQuestion(framework, change.questionId);
    if (!ref) throw new AppError('invalid', `There is no question ${change.questionId} in the ${framework.version} standards.`);
    if (!canAnswerQuestion(framework, kase, change.questionId)) {
      throw new AppError('invalid', `Question ${change.questionId} does not apply to this case.`);
    }

    let naReason: string | null = null;
    if (change.field === 'value') {
      naReason = change.value === 'na' ? change.naReason?.trim() || null : null;
      if (ref.kind === 'key_question' && change.value === 'na' && !naReason) {
        throw new AppError('invalid', 'Give a reason why this key question is not applicable', {
          naReason: 'Give a reason why this key question is not applicable',
        });
      }
    }

    const existing = await tx.answer.findUnique({
      where: { caseId_questionId: { caseId: kase.id, questionId: change.questionId } },
      select: { id: true, value: true, naReason: true, note: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
    });
    const currentVersion = existing?.version ?? 0;
    if (currentVersion !== change.baseVersion) {
      return {
        status: 'conflict' as const,
        theirs: {
          questionId: change.questionId,
          value: existing?.value ?? null,
          naReason: existing?.naReason ?? null,
          note: existing?.note ?? null,
          version: currentVersion,
          updatedAt: (existing?.updatedAt ?? new Date(0)).toISOString(),
          updatedByName: existing?.updatedBy.name ?? '',
        },
      };
    }

    const data =
      change.field === 'value'
        ? { value: change.value, naReason }
        : { note: change.note.trim() === '' ? null : change.note };
    const now = new Date();
    const saved = existing
      ? await tx.answer.update({
          where: { id: existing.id },
          data: { ...data, version: { increment: 1 }, updatedById: actor.id, updatedAt: now },
          select: { value: true, naReason: true, note: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
        })
      : await tx.answer.create({
          data: { ...data, caseId: kase.id, inspectionId: kase.inspectionId, questionId: change.questionId, updatedById: actor.id, updatedAt: now },
          select: { value: true, naReason: true, note: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
        });

    const oldValue = existing
      ? change.field === 'value'
        ? { value: existing.value, naReason: existing.naReason }
        : { note: existing.note }
      : null;
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        inspectionId: kase.inspectionId,
        action: change.field === 'value' ? 'answer.value' : 'answer.note',
        entity: 'answer',
        entityId: `${kase.id}:${change.questionId}`,
        oldValue: oldValue ?? undefined,
        newValue: data,
      },
    });
    let caseStatus: string = kase.status;
    if (kase.status === 'not_started' && change.field === 'value') {
      await tx.case.update({ where: { id: kase.id }, data: { status: 'in_progress', version: { increment: 1 } } });
      caseStatus = 'in_progress';
    }
    if (change.field === 'value') {
      // Delivered on commit: every app server's panel listeners hear of it.
      await tx.$executeRaw`SELECT pg_notify(${INSPECTION_CHANNEL}, ${kase.inspectionId})`;
    }
    const standardId = ref.kind === 'resettlement_aspect' ? null : ref.standard.id;
    return {
      status: 'saved' as const,
      inspectionId: kase.inspectionId,
      questionIds:
        ref.kind === 'resettlement_aspect'
          ? framework.resettlementAspects.map((a) => a.id)
          : ref.standard.keyQuestions.flatMap((kq) => [kq.id, ...kq.prompts.map((p) => p.id)]),
      standardId,
      caseStatus,
      answer: {
        questionId: change.questionId,
        value: saved.value,
        naReason: saved.naReason,
        note: saved.note,
        version: saved.version,
        updatedAt: saved.updatedAt.toISOString(),
        updatedByName: saved.updatedBy.name,
      },
    };
  });

  if (result.status === 'conflict') return result;
  // After commit: the standard's fresh figures for the page, from one aggregate.
  const counts = await countAnswers(db, result.inspectionId, result.questionIds);
  return { status: 'saved', answer: result.answer, standardId: result.standardId, counts, caseStatus: result.caseStatus };
}
