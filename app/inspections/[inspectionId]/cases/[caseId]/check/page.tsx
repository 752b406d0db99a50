import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { requireCaseView } from '@/lib/data/case-view';
import { getFramework, isKeyQuestionApplicable, listStandardsForCase } from '@/lib/framework';
import { ANSWER_LABELS } from '@/lib/format/labels';
import { listMissingAnswers } from '@/lib/marking/missing-answers';
import { questionAnchor } from '@/lib/marking/view-types';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SummaryList } from '@/components/ui/summary-list';
import { CompleteCaseButton } from '@/components/cases/complete-case-button';
import { countUnresolvedQueriesByCase } from '@/lib/data/quality';
import { UnsentChanges } from '@/components/offline/unsent-changes';

export const metadata: Metadata = { title: 'Check your answers' };

const yesNo = (v: boolean | null) => (v === null ? 'Not answered' : v ? 'Yes' : 'No');

export default async function CheckAnswersPage({ params }: { params: Promise<{ inspectionId: string; caseId: string }> }) {
  const { inspectionId, caseId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/cases/${caseId}/check`);
  const view = await requireCaseView(user, inspectionId, caseId);
  const { kase, answers, details } = view;
  const framework = getFramework(kase.framework);
  const base = `/inspections/${inspectionId}/cases/${caseId}`;
  const missing = listMissingAnswers(framework, kase, answers, details);
  const queryCounts = (await countUnresolvedQueriesByCase(kase, [caseId])).get(caseId);
  const unresolvedQueries = (queryCounts?.open ?? 0) + (queryCounts?.answered ?? 0);
  const queriesError = {
    href: `${base}#queries`,
    message: `${unresolvedQueries} ${unresolvedQueries === 1 ? 'query' : 'queries'} from the reviewer not yet resolved: answer on the case page; the case can be completed once they are resolved`,
  };
  const hrefOf = (item: { id: string; standardId: string | null }) =>
    item.standardId ? `${base}/standards/${item.standardId}#${questionAnchor(item.id)}` : `${base}#${item.id}`;
  const answerText = (id: string) => {
    const a = answers[id];
    if (!a?.value) return <strong className="text-govuk-error">Not answered</strong>;
    return (
      <>
        {ANSWER_LABELS[a.value]}
        {a.value === 'na' && a.naReason ? ` — ${a.naReason}` : ''}
        {a.note ? <span className="mt-1 block text-base text-govuk-secondary">{a.note}</span> : null}
      </>
    );
  };

  const sections =
    kase.type === 'resettlement'
      ? [
          {
            id: '4.1',
            title: '4.1 Resettlement: Casemark’s own questions (illustrative)',
            rows: framework.resettlementAspects.map((a) => ({ key: `${a.id} ${a.shortLabel}`, value: answerText(a.id) })),
          },
        ]
      : listStandardsForCase(framework, kase).map((s) => ({
          id: s.id,
          title: `${s.id} ${s.title}`,
          rows: s.keyQuestions
            .filter((kq) => isKeyQuestionApplicable(kq, kase))
            .flatMap((kq) => [
              { key: <strong>{`${kq.id} ${kq.shortLabel} (judgement)`}</strong>, value: answerText(kq.id) },
              ...kq.prompts.map((p, i) => ({ key: `${kq.id} ${String.fromCharCode(97 + i)}) ${p.text}`, value: answerText(p.id) })),
            ]),
        }));

  return (
    <>
      <p className="mb-2">
        <Link href={base}>Back to case {kase.reference}</Link>
      </p>
      <span className="text-xl text-govuk-secondary">Case {kase.reference}</span>
      <h1 className="mb-6 text-4xl font-bold">Check your answers</h1>
      <UnsentChanges userId={user.id} caseId={kase.id} />
      {missing.length && kase.status !== 'complete' ? (
        <ErrorSummary
          title={`${missing.length} ${missing.length === 1 ? 'answer is' : 'answers are'} missing`}
          errors={[...missing.map((m) => ({ href: hrefOf(m), message: m.message })), ...(unresolvedQueries > 0 ? [queriesError] : [])]}
        />
      ) : null}

      {unresolvedQueries > 0 && missing.length === 0 && kase.status !== 'complete' ? (
        <ErrorSummary
          title={`${unresolvedQueries} ${unresolvedQueries === 1 ? 'query is' : 'queries are'} not yet resolved`}
          errors={[queriesError]}
        />
      ) : null}

      <h2 className="mb-3 text-2xl font-bold">About this case</h2>
      <SummaryList
        rows={[
          {
            key: 'Agree with the risk of serious harm classification',
            value: yesNo(details.agreesWithRosh),
            action: <Link href={base}>Change</Link>,
          },
          {
            key: 'Agree with the safety and wellbeing classification',
            value: yesNo(details.agreesWithSafety),
            action: <Link href={base}>Change</Link>,
          },
          { key: 'Case manager interviewed', value: yesNo(details.isCaseManagerInterviewed), action: <Link href={base}>Change</Link> },
          { key: 'Practice example', value: details.isPracticeExample ? details.practiceExample || 'Yes' : 'No' },
        ]}
      />
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`check-${section.id}`} className="mb-8">
          <div className="flex items-baseline justify-between gap-4">
            <h2 id={`check-${section.id}`} className="mb-3 text-2xl font-bold">
              {section.title}
            </h2>
            <Link href={`${base}/standards/${section.id}`}>
              Change<span className="sr-only"> {section.title}</span>
            </Link>
          </div>
          <SummaryList rows={section.rows} />
        </section>
      ))}

      {kase.status === 'complete' ? (
        <p className="border-l-8 border-govuk-success bg-[#cce2d8] p-3" data-testid="case-complete">
          This case is marked as complete.
        </p>
      ) : view.isEditable ? (
        <CompleteCaseButton
          userId={user.id}
          caseId={kase.id}
          isDisabled={missing.length > 0 || unresolvedQueries > 0}
          backHref={`/inspections/${inspectionId}`}
          disabledReason={missing.length > 0 ? undefined : 'Every query must be resolved before you mark the case as complete.'}
        />
      ) : null}
    </>
  );
}
