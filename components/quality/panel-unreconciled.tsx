import Link from 'next/link';
import { findQuestion } from '@/lib/framework';
import type { Framework } from '@/lib/framework/types';
import { compareIds } from '@/lib/quality/agreement';
import type { PanelQualityView } from '@/lib/panel/load-panel';

const cases = (n: number) => (n === 1 ? '1 double-marked case is' : `${n} double-marked cases are`);

/**
 * The ratings panel's word on second marking (issue 13): for each key question (and its
 * standard) where the two markings of a case disagree and the lead has not yet recorded the
 * agreed answer, that the first marking counts until then.
 */
export function PanelUnreconciled({
  inspectionId,
  framework,
  canSeeAgreement,
  quality,
}: {
  inspectionId: string;
  framework: Framework;
  canSeeAgreement: boolean;
  /** Read with the panel's figures, in its snapshot (lib/panel/load-panel.ts, loadPanelPage). */
  quality: Pick<PanelQualityView, 'unreconciled' | 'firstChangedAfterSecond'>;
}) {
  const counts = new Map(quality.unreconciled.map((u) => [u.questionId, u.cases]));
  const changed = quality.firstChangedAfterSecond;
  if (counts.size === 0 && changed.length === 0) return null;
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
        {counts.size > 0 ? 'Second marking not yet reconciled' : 'Second marking'}
      </h2>
      <ul className={counts.size > 0 ? 'list-disc pl-6' : 'hidden'}>
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
      {changed.length > 0 ? (
        <p className="mt-2" data-testid="panel-first-changed">
          The first marking changed after the second was submitted on{' '}
          {changed.map((c) => `case ${c.reference} (${c.questionId})`).join(', ')}: the agreement figures compare the answer as it stood
          then, the ratings count it as it is now.
        </p>
      ) : null}
      {canSeeAgreement ? (
        <p className="mt-2">
          <Link href={`/inspections/${inspectionId}/agreement`}>Agreement and the disagreements to reconcile</Link>
        </p>
      ) : null}
    </section>
  );
}
