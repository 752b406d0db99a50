import 'server-only';
import { notFound } from 'next/navigation';
import { prisma } from '@/lib/db/client';
import { can, explainMarkRefusal, type Actor } from '@/lib/auth/permissions';
import { loadCaseAccess } from '@/lib/access/context';
import type { AnswerState } from '@/lib/marking/view-types';

/**
 * Everything a marking page needs about one case, or the not-found page when the case does not
 * exist, belongs to another inspection, or the actor may not see it.
 */
export async function requireCaseView(actor: Actor, inspectionId: string, caseId: string) {
  const kase = await loadCaseAccess(prisma, actor, caseId);
  if (!kase || kase.inspectionId !== inspectionId || !can(actor, 'case.view', { case: kase.scope })) notFound();
  const [details, answerRows, service] = await Promise.all([
    prisma.case.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        sentenceDate: true,
        gender: true,
        rosh: true,
        safetyWellbeing: true,
        caseManager: true,
        agreesWithRosh: true,
        agreesWithSafety: true,
        isCaseManagerInterviewed: true,
        isPracticeExample: true,
        practiceExample: true,
        version: true,
        inspector: { select: { name: true } },
      },
    }),
    prisma.answer.findMany({
      where: { caseId },
      select: {
        questionId: true,
        value: true,
        naReason: true,
        note: true,
        version: true,
        updatedAt: true,
        updatedBy: { select: { name: true } },
      },
    }),
    prisma.inspection.findUniqueOrThrow({ where: { id: inspectionId }, select: { service: { select: { name: true } } } }),
  ]);
  const answers: Record<string, AnswerState> = {};
  for (const a of answerRows) {
    answers[a.questionId] = {
      value: a.value,
      naReason: a.naReason,
      note: a.note,
      version: a.version,
      updatedByName: a.updatedBy.name,
      updatedAt: a.updatedAt.toISOString(),
    };
  }
  const markRefusal = explainMarkRefusal(actor, kase.scope);
  const isEditable = markRefusal === null && kase.status !== 'complete';
  const readOnlyReason =
    markRefusal ?? (kase.status === 'complete' ? 'This case is marked as complete. The lead inspector can reopen it.' : undefined);
  return {
    kase,
    details,
    answers,
    serviceName: service.service.name,
    isEditable,
    readOnlyReason,
    canReopen: can(actor, 'case.reopen', { case: kase.scope }) && kase.status === 'complete',
    /** Inspection-wide figures on the marking pages: only for those who may see the ratings panel. */
    canSeeInspectionFigures: can(actor, 'panel.view', { inspection: kase.scope }),
  };
}
