import { prisma } from '@/lib/db/client';
import { ANSWER_LABELS, formatDate } from '@/lib/format/labels';
import { compareIds } from '@/lib/quality/agreement';

/**
 * On the case and review pages (issue 23): each answer the lead agreed after second marking,
 * with the reason, who and when — so the inspector and the reviewer see why an answer is not the
 * one first given. Shown to whoever may view the case; a reconciliation exists only once the
 * second marking is submitted, when nobody is blind to it any more.
 */
export async function CaseReconciliations({ caseId }: { caseId: string }) {
  const rows = await prisma.secondMarkingReconciliation.findMany({
    where: { secondMarking: { caseId } },
    select: {
      questionId: true,
      value: true,
      naReason: true,
      reason: true,
      reconciledAt: true,
      reconciledBy: { select: { name: true } },
      secondMarking: { select: { answers: { select: { questionId: true, value: true, firstValue: true } } } },
    },
  });
  if (rows.length === 0) return null;
  rows.sort((a, b) => compareIds(a.questionId, b.questionId));
  return (
    <section
      aria-labelledby="case-reconciliations-heading"
      className="mb-6 border-l-4 border-govuk-blue pl-4"
      data-testid="case-reconciliations"
    >
      <h2 id="case-reconciliations-heading" className="mb-2 text-xl font-bold">
        Answers agreed after second marking
      </h2>
      <ul className="list-disc pl-6">
        {rows.map((r) => {
          const pair = r.secondMarking.answers.find((a) => a.questionId === r.questionId);
          return (
            <li key={r.questionId} data-testid="case-reconciliation" data-question={r.questionId}>
              {r.questionId}: first marking {pair?.firstValue ? ANSWER_LABELS[pair.firstValue] : '—'}, second marking{' '}
              {pair?.value ? ANSWER_LABELS[pair.value] : '—'}; agreed <strong>{ANSWER_LABELS[r.value]}</strong>
              {r.value === 'na' && r.naReason ? ` (${r.naReason})` : ''} by {r.reconciledBy.name} on {formatDate(r.reconciledAt)}.{' '}
              <span className="whitespace-pre-wrap">Why: {r.reason}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
