import Link from 'next/link';
import { findQuestion } from '@/lib/framework';
import type { Framework } from '@/lib/framework/types';
import { compareIds } from '@/lib/quality/agreement';
import { countUnreconciledByKeyQuestion } from '@/lib/quality/second-marking-views';

const cases = (n: number) => (n === 1 ? '1 double-marked case is' : `${n} double-marked cases are`);

/**
 * The ratings panel's word on second marking (issue 13): for each key question (and its
 * standard) where the two markings of a case disagree and the lead has not yet recorded the
 * agreed answer, that the first marking counts until then.
 */
export async function PanelUnreconciled({
  inspectionId,
  framework,
  canSeeAgreement,
}: {
  inspectionId: string;
  framework: Framework;
  canSeeAgreement: boolean;
}) {
  const counts = await countUnreconciledByKeyQuestion(inspectionId);
  if (counts.size === 0) return null;
  const byStandard = new Map<string, { title: string; questions: { id: string; label: string; count: number }[] }>();
  for (const [questionId, count] of counts) {
    const ref = findQuestion(framework, questionId);
    if (!ref || ref.kind !== 'key_question') continue;
    const entry = byStandard.get(ref.standard.id) ?? { title: ref.standard.title, questions: [] };
    entry.questions.push({ id: questionId, label: ref.keyQuestion.shortLabel, count });
    byStandard.set(ref.standard.id, entry);
  }
  const standardIds = [...byStandard.keys()].sort(compareIds);
  return (
    <section
      aria-labelledby="panel-unreconciled-heading"
      className="mb-6 border-l-4 border-govuk-blue pl-4"
      data-testid="panel-unreconciled"
    >
      <h2 id="panel-unreconciled-heading" className="mb-2 text-xl font-bold">
        Second marking not yet reconciled
      </h2>
      <ul className="list-disc pl-6">
        {standardIds.map((standardId) => {
          const entry = byStandard.get(standardId)!;
          return entry.questions
            .sort((a, b) => compareIds(a.id, b.id))
            .map((q) => (
              <li key={q.id} data-question={q.id}>
                {standardId} {entry.title}, {q.id} {q.label}: {cases(q.count)} not yet reconciled; the first marking counts.
              </li>
            ));
        })}
      </ul>
      {canSeeAgreement ? (
        <p className="mt-2">
          <Link href={`/inspections/${inspectionId}/agreement`}>Agreement and the disagreements to reconcile</Link>
        </p>
      ) : null}
    </section>
  );
}
