import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { listAllocatableMembers, loadSetupView } from '@/lib/data/setup';
import { canMoveStatus, STATUS_MOVES } from '@/lib/setup/inspections';
import { RATING_LABELS, STATUS_LABELS, formatDate } from '@/lib/format/labels';
import { buttonClasses } from '@/components/ui/button';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { SummaryList } from '@/components/ui/summary-list';
import { Tag } from '@/components/ui/tag';
import { CaseAllocation } from '@/components/setup/case-allocation';
import { FeedbackScope, ShownUntilNextChange } from '@/components/setup/feedback-scope';
import { StatusForm } from '@/components/setup/status-form';
import { TeamManager } from '@/components/setup/team-manager';

export const metadata: Metadata = { title: 'Set up the inspection' };

export default async function SetupPage({
  params,
  searchParams,
}: {
  params: Promise<{ inspectionId: string }>;
  searchParams: Promise<{ created?: string; added?: string; saved?: string; deleted?: string; imported?: string; sampled?: string }>;
}) {
  const { inspectionId } = await params;
  const query = await searchParams;
  const user = await requireUser(`/inspections/${inspectionId}/setup`);
  const inspection = await requireInspection(user, inspectionId, 'inspection.manage');
  const [view, allocatable] = await Promise.all([loadSetupView(inspection), listAllocatableMembers(inspection)]);
  const isPublished = inspection.status === 'published';
  const moves = STATUS_MOVES[inspection.status].filter((to) => canMoveStatus(user, inspection.status, to));
  const ratedCount = Object.keys(view.previousRatings ?? {}).length;
  const pctCount = Object.keys(view.previousKeyQuestionPct ?? {}).length;
  const addedCase = view.cases.find((c) => c.id === query.added);
  const savedCase = view.cases.find((c) => c.id === query.saved);
  const imported = Number.parseInt(query.imported ?? '', 10);
  const sampled = Number.parseInt(query.sampled ?? '', 10);
  const banner = query.created
    ? 'The inspection has been created. Add the team and the case sample next.'
    : addedCase
      ? `Case ${addedCase.reference} has been added.`
      : savedCase
        ? `Case ${savedCase.reference} has been saved.`
        : query.saved === 'details'
          ? 'The inspection’s details have been saved.'
          : query.deleted
            ? 'The case has been deleted.'
            : Number.isFinite(imported) && imported > 0
              ? `${imported} ${imported === 1 ? 'case has' : 'cases have'} been imported.`
              : Number.isFinite(sampled) && sampled > 0
                ? `The sample has been confirmed: ${sampled} ${sampled === 1 ? 'case has' : 'cases have'} been created.`
                : null;

  return (
    <FeedbackScope>
      <p className="mb-2">
        <Link href={`/inspections/${inspection.id}`}>Back to the inspection</Link>
      </p>
      {banner ? (
        <ShownUntilNextChange>
          <NotificationBanner>{banner}</NotificationBanner>
        </ShownUntilNextChange>
      ) : null}
      <span className="text-xl text-govuk-secondary">{inspection.serviceName}</span>
      <h1 className="mb-6 text-4xl font-bold">Set up the inspection</h1>

      <section aria-labelledby="details-heading" className="mb-10">
        <h2 id="details-heading" className="mb-3 text-2xl font-bold">
          Details
        </h2>
        <SummaryList
          rows={[
            { key: 'Service', value: `${view.service.name} (${view.service.localAuthority}, ${view.service.region})` },
            { key: 'Standards', value: inspection.framework === '2018' ? '2018 standards' : 'July 2021 standards' },
            {
              key: 'Fieldwork',
              value: view.fieldwork,
              action: (
                <Link href={`/inspections/${inspection.id}/setup/details`}>
                  Change<span className="sr-only"> the fieldwork dates and previous results</span>
                </Link>
              ),
            },
            {
              key: 'Report style',
              value: `${view.fieldworkMonthOnly ? 'Month of fieldwork only' : 'Days of fieldwork'}; ${
                view.reportSerialComma ? 'a comma before ‘and’ in lists' : 'no comma before ‘and’ in lists'
              }`,
              action: (
                <Link href={`/inspections/${inspection.id}/setup/details`}>
                  Change<span className="sr-only"> how the report prints fieldwork and lists</span>
                </Link>
              ),
            },
            {
              key: 'Published',
              value: view.publishedOn ? formatDate(view.publishedOn) : 'Not recorded',
              action: (
                <Link href={`/inspections/${inspection.id}/setup/details`}>
                  Change<span className="sr-only"> the publication date</span>
                </Link>
              ),
            },
            {
              key: 'Previous inspection',
              value:
                ratedCount || pctCount ? (
                  <>
                    {ratedCount} {ratedCount === 1 ? 'rating' : 'ratings'} and {pctCount} key-question{' '}
                    {pctCount === 1 ? 'percentage' : 'percentages'}
                    {view.previousRatings ? (
                      <span className="block text-base text-govuk-secondary">
                        {Object.entries(view.previousRatings)
                          .map(([id, r]) => `${id} ${RATING_LABELS[r as keyof typeof RATING_LABELS] ?? r}`)
                          .join(' · ')}
                      </span>
                    ) : null}
                  </>
                ) : (
                  'Not entered'
                ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="status-heading" className="mb-10">
        <h2 id="status-heading" tabIndex={-1} className="mb-3 text-2xl font-bold">
          Status
        </h2>
        <p className="mb-3">
          The inspection is in <Tag>{STATUS_LABELS[inspection.status]}</Tag>.{' '}
          {inspection.status === 'set_up' ? 'Inspectors can see their cases but mark them only once fieldwork starts.' : null}
        </p>
        <StatusForm inspectionId={inspection.id} status={inspection.status} moves={moves} />
      </section>

      <section aria-labelledby="team-heading" className="mb-10">
        <h2 id="team-heading" tabIndex={-1} className="mb-3 text-2xl font-bold">
          Team
        </h2>
        <TeamManager inspectionId={inspection.id} members={view.members} />
      </section>

      <section aria-labelledby="cases-heading" className="mb-10">
        <h2 id="cases-heading" tabIndex={-1} className="mb-3 text-2xl font-bold">
          Cases and allocation
        </h2>
        {isPublished ? (
          <p className="mb-4">This inspection is published: its cases and their allocation can no longer change.</p>
        ) : (
          <p className="mb-4 flex flex-wrap gap-4">
            <Link href={`/inspections/${inspection.id}/setup/cases/new`} className={buttonClasses('secondary')}>
              Add a case
            </Link>
            <Link href={`/inspections/${inspection.id}/setup/import`} className={buttonClasses('secondary')}>
              Import cases from a CSV file
            </Link>
            <Link href={`/inspections/${inspection.id}/setup/sample`} className={buttonClasses('secondary')}>
              Draw the sample from the service’s list
            </Link>
          </p>
        )}
        <CaseAllocation
          inspectionId={inspection.id}
          cases={view.cases}
          inspectors={allocatable}
          inspectorCount={view.members.filter((m) => m.role === 'inspector' && m.isActive).length}
          isReadOnly={isPublished}
        />
      </section>
    </FeedbackScope>
  );
}
