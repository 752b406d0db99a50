import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { requireCaseView } from '@/lib/data/case-view';
import { getFramework, listStandardsForCase, isKeyQuestionApplicable } from '@/lib/framework';
import { CASE_TYPE_LABELS, DISPOSAL_LABELS, LEVEL_LABELS, MARKING_STATUS_LABELS, formatDate } from '@/lib/format/labels';
import { SummaryList } from '@/components/ui/summary-list';
import { TaskList, type TaskListItem } from '@/components/ui/task-list';
import { Tag } from '@/components/ui/tag';
import { CaseDetailsForm } from '@/components/cases/case-details-form';
import { ReopenCaseButton } from '@/components/cases/reopen-case-button';
import { CaseQueries } from '@/components/quality/case-queries';
import { CaseReconciliations } from '@/components/quality/case-reconciliations';
import { countUnresolvedQueriesByCase } from '@/lib/data/quality';
import { can } from '@/lib/auth/permissions';

export const metadata: Metadata = { title: 'Case' };

export default async function CasePage({ params }: { params: Promise<{ inspectionId: string; caseId: string }> }) {
  const { inspectionId, caseId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/cases/${caseId}`);
  const view = await requireCaseView(user, inspectionId, caseId);
  const { kase, details, answers } = view;
  const framework = getFramework(kase.framework);
  const base = `/inspections/${inspectionId}/cases/${caseId}`;
  const queryCounts = (await countUnresolvedQueriesByCase(kase, [caseId])).get(caseId);

  const taskFor = (id: string, title: string, questionIds: string[], href: string): TaskListItem => {
    const answered = questionIds.filter((q) => answers[q]?.value).length;
    const state = answered === 0 ? 'not_started' : answered === questionIds.length ? 'complete' : 'in_progress';
    return {
      id: `task-${id.replace(/\./g, '-')}`,
      title,
      href,
      hint: `${answered} of ${questionIds.length} answered`,
      status: state === 'complete' ? 'Completed' : state === 'in_progress' ? 'In progress' : 'Not yet started',
      statusColour: state === 'complete' ? 'none' : state === 'in_progress' ? 'blue' : 'grey',
    };
  };

  const tasks: TaskListItem[] =
    kase.type === 'resettlement'
      ? [
          taskFor(
            '4.1',
            '4.1 Resettlement: Casemark’s own questions (illustrative, not scored)',
            framework.resettlementAspects.map((a) => a.id),
            `${base}/standards/4.1`,
          ),
        ]
      : listStandardsForCase(framework, kase).map((standard) =>
          taskFor(
            standard.id,
            `${standard.id} ${standard.title}`,
            standard.keyQuestions
              .filter((kq) => isKeyQuestionApplicable(kq, kase))
              .flatMap((kq) => [kq.id, ...kq.prompts.map((p) => p.id)]),
            `${base}/standards/${standard.id}`,
          ),
        );

  return (
    <>
      <p className="mb-2">
        <Link href={`/inspections/${inspectionId}`}>Back to cases</Link>
      </p>
      <span className="text-xl text-govuk-secondary">{view.serviceName}</span>
      <h1 className="mb-2 text-4xl font-bold">Case {kase.reference}</h1>
      <p className="mb-6 flex flex-wrap items-center gap-3">
        <Tag colour={kase.status === 'complete' ? 'green' : kase.status === 'in_progress' ? 'blue' : 'grey'}>
          {MARKING_STATUS_LABELS[kase.status]}
        </Tag>
        {view.canReopen ? <ReopenCaseButton caseId={kase.id} /> : null}
        {can(user, 'agreement.view', { inspection: kase.scope }) ? (
          <Link href={`${base}/history`} data-testid="case-history-link">
            History of this case
          </Link>
        ) : null}
      </p>
      {view.readOnlyReason ? (
        <p className="mb-6 border-l-8 border-govuk-blue bg-govuk-light-grey p-3" data-testid="read-only-reason">
          {view.readOnlyReason}
        </p>
      ) : null}

      <CaseQueries user={user} inspectionId={inspectionId} kase={kase} />
      <CaseReconciliations caseId={kase.id} />

      <h2 className="mb-3 text-2xl font-bold">Case details</h2>
      <SummaryList
        rows={[
          { key: 'Case reference', value: kase.reference },
          { key: 'Type', value: CASE_TYPE_LABELS[kase.type] },
          { key: 'Disposal', value: DISPOSAL_LABELS[kase.disposal] },
          { key: 'Sentence or disposal date', value: details.sentenceDate ? formatDate(details.sentenceDate) : 'Not recorded' },
          { key: 'Gender', value: details.gender ?? 'Not recorded' },
          { key: 'Risk of serious harm', value: details.rosh ? LEVEL_LABELS[details.rosh] : 'Not recorded' },
          { key: 'Safety and wellbeing', value: details.safetyWellbeing ? LEVEL_LABELS[details.safetyWellbeing] : 'Not recorded' },
          { key: 'Case manager', value: details.caseManager ?? 'Not recorded' },
          { key: 'Inspector', value: details.inspector?.name ?? 'Not allocated' },
        ]}
      />

      <CaseDetailsForm
        userId={user.id}
        inspectionId={inspectionId}
        caseId={kase.id}
        initialVersion={details.version}
        isEditable={view.isEditable}
        initial={{
          agreesWithRosh: details.agreesWithRosh,
          agreesWithSafety: details.agreesWithSafety,
          isCaseManagerInterviewed: details.isCaseManagerInterviewed,
          isPracticeExample: details.isPracticeExample,
          practiceExample: details.practiceExample,
        }}
      />

      <h2 className="mb-3 text-2xl font-bold">Standards to mark</h2>
      <TaskList
        items={[
          ...tasks,
          ...(queryCounts
            ? [
                {
                  id: 'task-queries',
                  title: 'Answer the reviewer’s queries',
                  href: '#queries',
                  hint: `${queryCounts.open} waiting for you, ${queryCounts.answered} waiting for the reviewer`,
                  status: queryCounts.open ? `${queryCounts.open} open` : 'Waiting for the reviewer',
                  statusColour: queryCounts.open ? ('red' as const) : ('blue' as const),
                },
              ]
            : []),
          {
            id: 'task-check',
            title: 'Check your answers and complete the case',
            href: `${base}/check`,
            status: kase.status === 'complete' ? 'Completed' : 'Not yet started',
            statusColour: kase.status === 'complete' ? 'none' : 'grey',
          },
        ]}
      />
    </>
  );
}
