import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { requireCaseView } from '@/lib/data/case-view';
import { prisma } from '@/lib/db/client';
import { CASEMARK_OWN_RESETTLEMENT_NOTE, findStandard, getFramework, listStandardsForCase } from '@/lib/framework';
import { countAnswers } from '@/lib/marking/count-answers';
import { buildQuestionViews } from '@/lib/marking/question-views';
import { StandardForm } from '@/components/cases/standard-form';
import { buttonClasses } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Mark a standard' };

export default async function StandardPage({ params }: { params: Promise<{ inspectionId: string; caseId: string; standardId: string }> }) {
  const { inspectionId, caseId, standardId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/cases/${caseId}/standards/${standardId}`);
  const view = await requireCaseView(user, inspectionId, caseId);
  const framework = getFramework(view.kase.framework);
  const page = buildQuestionViews(framework, view.kase, standardId);
  if (!page) notFound();

  const questionIds = page.questions.flatMap((q) => [q.id, ...q.prompts.map((p) => p.id)]);
  // Inspection-wide figures only for those who may see the ratings panel (never sent otherwise).
  const counts = view.canSeeInspectionFigures ? await countAnswers(prisma, view.kase, questionIds) : null;
  const standards = listStandardsForCase(framework, view.kase);
  const index = standards.findIndex((s) => s.id === standardId);
  const next = index >= 0 ? standards[index + 1] : undefined;
  const base = `/inspections/${inspectionId}/cases/${caseId}`;
  const descriptor = findStandard(framework, standardId)?.descriptor;

  return (
    <>
      <p className="mb-2">
        <Link href={base}>Back to case {view.kase.reference}</Link>
      </p>
      <span className="text-xl text-govuk-secondary">Case {view.kase.reference}</span>
      <h1 className="mb-2 text-4xl font-bold">{page.title}</h1>
      {descriptor && view.kase.type !== 'resettlement' ? <p className="mb-6 text-lg">{descriptor}</p> : null}
      {view.kase.type === 'resettlement' ? (
        <p className="mb-6 text-lg" data-testid="resettlement-note">
          Resettlement cases illustrate the resettlement standard. They are never scored; the lead inspector rates 4.1.{' '}
          {CASEMARK_OWN_RESETTLEMENT_NOTE}
        </p>
      ) : null}
      <StandardForm
        userId={user.id}
        inspectionId={inspectionId}
        caseId={caseId}
        questions={page.questions}
        initialAnswers={view.answers}
        initialCounts={counts}
        isEditable={view.isEditable}
        readOnlyReason={view.readOnlyReason}
      />
      <p className="mt-6 flex flex-wrap gap-4">
        {next ? (
          <Link href={`${base}/standards/${next.id}`} className={buttonClasses()}>
            Continue to {next.id} {next.title}
          </Link>
        ) : (
          <Link href={`${base}/check`} className={buttonClasses()}>
            Continue to check your answers
          </Link>
        )}
        <Link href={base} className="py-2">
          Back to the task list
        </Link>
      </p>
    </>
  );
}
