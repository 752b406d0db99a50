import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { prisma } from '@/lib/db/client';
import { getFramework, listStandardsForCase, isKeyQuestionApplicable } from '@/lib/framework';
import { ANSWER_LABELS, CASE_TYPE_LABELS, DISPOSAL_LABELS, formatDate, formatTime } from '@/lib/format/labels';
import { loadSecondMarkingForActor } from '@/lib/quality/second-marking';
import { loadComparison, loadOwnSecondAnswers, type ComparisonRow } from '@/lib/quality/second-marking-views';
import { ReconcileForm } from '@/components/quality/reconcile-form';
import { SecondMarkingForm, type SecondMarkingSection } from '@/components/quality/second-marking-form';
import { Tag } from '@/components/ui/tag';

export const metadata: Metadata = { title: 'Second marking' };
export const dynamic = 'force-dynamic';

const judgement = (a: { value: 'yes' | 'no' | 'na' | null; naReason: string | null }) =>
  a.value === null ? 'Not answered' : `${ANSWER_LABELS[a.value]}${a.value === 'na' && a.naReason ? ` — ${a.naReason}` : ''}`;

function Comparison({ row, canReconcile, secondMarkingId }: { row: ComparisonRow; canReconcile: boolean; secondMarkingId: string }) {
  const changedSince =
    row.firstNow.value !== row.firstAtSubmission.value
      ? ` (now ${judgement(row.firstNow)}${row.reconciliation ? ', reconciled' : ''})`
      : '';
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div>
        <h4 className="font-bold" data-testid="first-marking-heading">
          First marking{row.firstInspectorName ? ` (${row.firstInspectorName})` : ''}
        </h4>
        <p data-testid="first-judgement">
          {judgement(row.firstAtSubmission)}
          {changedSince}
        </p>
        {row.firstNow.value !== row.firstAtSubmission.value && !row.reconciliation ? (
          <p className="text-base text-govuk-secondary" data-testid="first-changed-after">
            The first marking was changed after the second was submitted
            {row.firstNow.updatedByName ? `, last by ${row.firstNow.updatedByName}` : ''}: agreement compares the answer as it stood then.
          </p>
        ) : null}
        <p className="whitespace-pre-wrap text-base">
          {row.firstNow.note ?? <span className="text-govuk-secondary">No evidence note</span>}
        </p>
      </div>
      <div>
        <h4 className="font-bold">Second marking</h4>
        <p data-testid="second-judgement">{judgement(row.second)}</p>
        <p className="whitespace-pre-wrap text-base">{row.second.note ?? <span className="text-govuk-secondary">No evidence note</span>}</p>
      </div>
      {row.isDisagreement ? (
        <div className="md:col-span-2" data-testid="reconciliation">
          {row.reconciliation ? (
            <p>
              <strong>Agreed answer: {judgement(row.reconciliation)}</strong>, recorded by {row.reconciliation.byName} on{' '}
              {formatDate(new Date(row.reconciliation.at))} at {formatTime(new Date(row.reconciliation.at))}.{' '}
              <span className="whitespace-pre-wrap">Why: {row.reconciliation.reason}</span>
            </p>
          ) : canReconcile ? (
            <ReconcileForm secondMarkingId={secondMarkingId} questionId={row.questionId} answerVersion={row.firstNow.version} />
          ) : (
            <p>Not yet reconciled: until the lead inspector records the agreed answer, the first marking counts.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}

/**
 * One second marking. Before it is submitted its second inspector marks blind here (their own
 * answers only); after, both markings are side by side, and the lead inspector records the agreed
 * answer on each disagreement.
 */
export default async function SecondMarkingCasePage({ params }: { params: Promise<{ inspectionId: string; secondMarkingId: string }> }) {
  const { inspectionId, secondMarkingId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/second-marking/${secondMarkingId}`);
  const loaded = await loadSecondMarkingForActor(prisma, user, secondMarkingId);
  if (!loaded || loaded.inspectionId !== inspectionId) notFound();
  const resource = { inspection: loaded.scope, secondMarking: loaded.marking };
  const canMark = can(user, 'secondMarking.mark', resource);
  const canCompare = can(user, 'secondMarking.compare', resource);
  const canReconcile = can(user, 'secondMarking.reconcile', resource);
  const framework = getFramework(loaded.framework);
  const kase = { type: loaded.caseType, disposal: loaded.disposal };
  const standards = listStandardsForCase(framework, kase).map((s) => ({
    ...s,
    keyQuestions: s.keyQuestions.filter((kq) => isKeyQuestionApplicable(kq, kase)),
  }));
  const isMarker = loaded.markerId === user.id;
  const base = `/inspections/${inspectionId}`;

  const header = (
    <>
      <p className="mb-2">
        <Link href={`${base}/second-marking`}>{isMarker && !canCompare ? 'Your cases to second mark' : 'Second marking'}</Link>
      </p>
      <span className="text-xl text-govuk-secondary">
        {CASE_TYPE_LABELS[loaded.caseType]} · {DISPOSAL_LABELS[loaded.disposal]}
      </span>
      <h1 className="mb-4 text-4xl font-bold">Second marking: case {loaded.reference}</h1>
    </>
  );

  if (canMark) {
    const own = await loadOwnSecondAnswers(loaded);
    const sections: SecondMarkingSection[] = standards.map((s) => ({
      standardId: s.id,
      title: `${s.id} ${s.title}`,
      questions: s.keyQuestions.map((kq) => ({ id: kq.id, text: kq.text, shortLabel: kq.shortLabel, naReasons: kq.naReasons })),
    }));
    const initial = Object.fromEntries(
      [...own].map(([id, a]) => [id, { value: a.value ?? '', naReason: a.naReason ?? '', note: a.note ?? '' }]),
    );
    return (
      <>
        {header}
        <div className="mb-6 border-l-4 border-govuk-blue bg-govuk-light-grey p-4" data-testid="blind-notice">
          <p className="font-bold">You are marking blind.</p>
          <p>The first marking of this case, and the ratings panel, are hidden from you until you submit your second marking.</p>
        </div>
        <SecondMarkingForm secondMarkingId={loaded.id} version={loaded.version} sections={sections} initial={initial} />
      </>
    );
  }

  if (!canCompare) {
    // Not submitted: the lead sees who has it; the second inspector (outside fieldwork) that it is closed.
    return (
      <>
        {header}
        <p data-testid="second-marking-pending">
          {isMarker
            ? 'This second marking can no longer be changed: the inspection is not in fieldwork.'
            : 'The second inspector has not yet submitted this second marking.'}
        </p>
      </>
    );
  }

  const comparison = await loadComparison(loaded);
  const disagreements = [...comparison.values()].filter((r) => r.isDisagreement);
  const open = disagreements.filter((r) => !r.reconciliation).length;
  return (
    <>
      {header}
      <p className="mb-2">
        Submitted {loaded.submittedAt ? `on ${formatDate(loaded.submittedAt)} at ${formatTime(loaded.submittedAt)}` : ''}. The first marking
        is shown as it stood then; agreement compares the two.
      </p>
      <p className="mb-6 font-bold" data-testid="disagreement-summary">
        {disagreements.length === 0
          ? 'The two markings agree on every key question.'
          : `${disagreements.length} disagreement${disagreements.length === 1 ? '' : 's'}, ${open} not yet reconciled.`}
        {open > 0 ? ' Until reconciled, the first marking counts.' : ''}
      </p>
      {standards.map((s) => (
        <section key={s.id} aria-labelledby={`cmp-${s.id.replace(/\./g, '-')}`} className="mb-8">
          <h2 id={`cmp-${s.id.replace(/\./g, '-')}`} className="mb-4 text-2xl font-bold">
            {s.id} {s.title}
          </h2>
          {s.keyQuestions.map((kq) => {
            const row = comparison.get(kq.id);
            return (
              <article
                key={kq.id}
                id={`kq-${kq.id.replace(/\./g, '-')}`}
                aria-labelledby={`kq-${kq.id.replace(/\./g, '-')}-title`}
                className="mb-6 border-b border-govuk-border pb-4"
                data-testid="comparison-row"
                data-question={kq.id}
              >
                <h3 id={`kq-${kq.id.replace(/\./g, '-')}-title`} className="mb-2 flex flex-wrap items-center gap-3 text-xl font-bold">
                  {kq.id} {kq.shortLabel}
                  {row?.isDisagreement ? (
                    <Tag colour={row.reconciliation ? 'green' : 'orange'}>{row.reconciliation ? 'Reconciled' : 'Disagree'}</Tag>
                  ) : row && row.firstAtSubmission.value === null ? (
                    <Tag colour="grey">Not compared: no first judgement when submitted</Tag>
                  ) : row ? (
                    <Tag colour="green">Agree</Tag>
                  ) : null}
                </h3>
                {row ? <Comparison row={row} canReconcile={canReconcile} secondMarkingId={loaded.id} /> : <p>Not in the second marking.</p>}
              </article>
            );
          })}
        </section>
      ))}
    </>
  );
}
