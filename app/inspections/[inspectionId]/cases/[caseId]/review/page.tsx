import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { requireCaseView } from '@/lib/data/case-view';
import { listQueriesForCase, listReviewersOfCase, type QueryView } from '@/lib/data/quality';
import { getFramework, isKeyQuestionApplicable, listStandardsForCase } from '@/lib/framework';
import { ANSWER_LABELS, MARKING_STATUS_LABELS } from '@/lib/format/labels';
import { CASE_LEVEL_LABELS, labelQueriedQuestion } from '@/lib/quality/question-label';
import { QualityForm } from '@/components/quality/quality-form';
import { QueryThread } from '@/components/quality/query-thread';
import { CaseReconciliations } from '@/components/quality/case-reconciliations';
import { Tag } from '@/components/ui/tag';

export const metadata: Metadata = { title: 'Review case' };

const yesNo = (v: boolean | null) => (v === null ? 'Not answered' : v ? 'Yes' : 'No');

/**
 * Quality assurance (issue 13): the lead inspector or a quality assurer reads every answer of a
 * case with its evidence note, and raises a query beside any of them.
 */
export default async function ReviewCasePage({ params }: { params: Promise<{ inspectionId: string; caseId: string }> }) {
  const { inspectionId, caseId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/cases/${caseId}/review`);
  const view = await requireCaseView(user, inspectionId, caseId);
  const { kase, answers, details } = view;
  if (!can(user, 'case.review', { case: kase.scope })) notFound();
  const framework = getFramework(kase.framework);
  const [queries, reviewers] = await Promise.all([listQueriesForCase(kase), listReviewersOfCase(kase)]);
  const queriesOn = new Map<string, QueryView[]>();
  for (const q of queries) queriesOn.set(q.questionId, [...(queriesOn.get(q.questionId) ?? []), q]);
  const hasReviewed = reviewers.some((r) => r.reviewerId === user.id);
  const base = `/inspections/${inspectionId}/cases/${caseId}`;

  const item = (questionId: string, title: ReactNode, answer: ReactNode) => {
    const { label } = labelQueriedQuestion(framework, questionId);
    const anchor = `review-${questionId.replace(/[.:]/g, '-')}`;
    return (
      <li key={questionId} id={anchor} className="border-b border-govuk-border py-3" data-testid="review-item" data-question={questionId}>
        <div className="mb-2 grid gap-2 md:grid-cols-2">
          <div>{title}</div>
          <div>{answer}</div>
        </div>
        {(queriesOn.get(questionId) ?? []).map((q) => (
          <QueryThread key={q.id} query={q} label={label} canReply={false} canReview />
        ))}
        <details>
          <summary className="cursor-pointer text-govuk-link underline">
            Raise a query<span className="sr-only"> on {label}</span>
          </summary>
          <div className="mt-2">
            <QualityForm
              kind="raise"
              id={`raise-${anchor}`}
              hidden={{ caseId, questionId }}
              field={{
                name: 'body',
                label: `Your query on ${label}`,
                hint: 'For example: the note says the plan was late; is this really Yes?',
                type: 'textarea',
              }}
              buttonLabel={
                <>
                  Send query<span className="sr-only"> on {label}</span>
                </>
              }
            />
          </div>
        </details>
      </li>
    );
  };

  const answerOf = (id: string) => {
    const a = answers[id];
    if (!a?.value)
      return (
        <span className="text-govuk-secondary">
          {a?.note ? 'Not answered (note only)' : 'Not answered'}
          {a?.note ? <span className="block">{a.note}</span> : null}
        </span>
      );
    return (
      <>
        <strong>{ANSWER_LABELS[a.value]}</strong>
        {a.value === 'na' && a.naReason ? ` — ${a.naReason}` : ''}
        {a.note ? (
          <span className="mt-1 block whitespace-pre-wrap">{a.note}</span>
        ) : (
          <span className="mt-1 block text-govuk-secondary">No evidence note</span>
        )}
      </>
    );
  };

  const sections =
    kase.type === 'resettlement'
      ? [
          {
            id: '4.1',
            title: '4.1 Resettlement (illustrative)',
            items: framework.resettlementAspects.map((a) => item(a.id, `${a.id} ${a.shortLabel}`, answerOf(a.id))),
          },
        ]
      : listStandardsForCase(framework, kase).map((s) => ({
          id: s.id,
          title: `${s.id} ${s.title}`,
          items: s.keyQuestions
            .filter((kq) => isKeyQuestionApplicable(kq, kase))
            .flatMap((kq) => [
              item(kq.id, <strong>{`${kq.id} ${kq.shortLabel} (judgement)`}</strong>, answerOf(kq.id)),
              ...kq.prompts.map((p, i) => item(p.id, `${kq.id} ${String.fromCharCode(97 + i)}) ${p.text}`, answerOf(p.id))),
            ]),
        }));

  return (
    <>
      <p className="mb-2">
        <Link href={`/inspections/${inspectionId}`}>Back to cases</Link>
      </p>
      <span className="text-xl text-govuk-secondary">{view.serviceName}</span>
      <h1 className="mb-2 text-4xl font-bold">Review case {kase.reference}</h1>
      <p className="mb-4 flex flex-wrap items-center gap-3">
        <Tag colour={kase.status === 'complete' ? 'green' : kase.status === 'in_progress' ? 'blue' : 'grey'}>
          {MARKING_STATUS_LABELS[kase.status]}
        </Tag>
        <span>Inspector: {details.inspector?.name ?? 'Not allocated'}</span>
        <Link href={base}>Open the case</Link>
      </p>
      <p className="mb-4" data-testid="reviewed-by">
        {reviewers.length ? `Reviewed by ${reviewers.map((r) => r.name).join(', ')}.` : 'Not yet reviewed.'}
      </p>
      <CaseReconciliations caseId={kase.id} />
      {hasReviewed ? null : (
        <QualityForm
          kind="reviewed"
          id="reviewed"
          hidden={{ caseId }}
          buttonVariant="secondary"
          buttonLabel="Record this case as reviewed"
        />
      )}

      <section aria-labelledby="review-case-level" className="mb-8">
        <h2 id="review-case-level" className="mb-3 text-2xl font-bold">
          About this case
        </h2>
        <ul className="list-none">
          {item('case:agreesWithRosh', CASE_LEVEL_LABELS.agreesWithRosh, yesNo(details.agreesWithRosh))}
          {item('case:agreesWithSafety', CASE_LEVEL_LABELS.agreesWithSafety, yesNo(details.agreesWithSafety))}
          {item('case:isCaseManagerInterviewed', CASE_LEVEL_LABELS.isCaseManagerInterviewed, yesNo(details.isCaseManagerInterviewed))}
          {item(
            'case:practiceExample',
            CASE_LEVEL_LABELS.practiceExample,
            details.isPracticeExample ? details.practiceExample || 'Yes' : 'No',
          )}
        </ul>
      </section>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`review-${section.id}`} className="mb-8">
          <h2 id={`review-${section.id}`} className="mb-3 text-2xl font-bold">
            {section.title}
          </h2>
          <ul className="list-none">{section.items}</ul>
        </section>
      ))}
    </>
  );
}
