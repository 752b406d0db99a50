import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { fieldworkLabel, requireInspection } from '@/lib/data/inspections';
import { listCasesForUser } from '@/lib/data/cases';
import { CASE_TYPES } from '@/lib/framework/types';
import { CASE_TYPE_LABELS, DISPOSAL_LABELS, MARKING_STATUS_LABELS, ROLE_LABELS, STATUS_LABELS } from '@/lib/format/labels';
import { Tag } from '@/components/ui/tag';
import { countUnresolvedQueriesByCase, loadQualityCoverage } from '@/lib/data/quality';
import { QualityCoverage } from '@/components/quality/quality-coverage';
import { UnsentBadge } from '@/components/offline/unsent-badge';
import { SecondMarkingLinks } from '@/components/quality/second-marking-links';
import { OfflineCases } from '@/components/offline/offline-cases';
import { loadOfflineCases } from '@/lib/offline/offline-manifest';

export const metadata: Metadata = { title: 'Cases' };

const STATUS_COLOURS = { not_started: 'grey', in_progress: 'blue', complete: 'green' } as const;
const MARKING_STATUSES = ['not_started', 'in_progress', 'complete'] as const;

export default async function InspectionPage({
  params,
  searchParams,
}: {
  params: Promise<{ inspectionId: string }>;
  searchParams: Promise<{ type?: string; status?: string }>;
}) {
  const { inspectionId } = await params;
  const query = await searchParams;
  const user = await requireUser(`/inspections/${inspectionId}`);
  const inspection = await requireInspection(user, inspectionId);
  const type = CASE_TYPES.find((t) => t === query.type);
  const status = MARKING_STATUSES.find((s) => s === query.status);
  const cases = await listCasesForUser(user, inspection, { type, status });
  const seesAll = user.isAdmin || inspection.scope.role !== 'inspector';
  // Issue 13: unresolved queries per case, and QA coverage for those who see every case.
  const queryCounts = await countUnresolvedQueriesByCase(
    inspection,
    cases.map((c) => c.id),
  );
  const canReview = can(user, 'case.review', { inspection: inspection.scope });
  const coverage = can(user, 'cases.viewAll', { inspection: inspection.scope }) ? await loadQualityCoverage(inspection) : null;
  // Issue 11: the user's allocated cases, to keep on the device for marking offline.
  const offlineCases = await loadOfflineCases(user, inspection);

  return (
    <>
      <p className="mb-2">
        <Link href="/">Your inspections</Link>
      </p>
      <span className="text-xl text-govuk-secondary">
        {inspection.framework === '2018' ? '2018 standards' : 'July 2021 standards'} · {await fieldworkLabel(inspection)}
      </span>
      <h1 className="mb-2 text-4xl font-bold">{inspection.serviceName}</h1>
      <p className="mb-6 flex flex-wrap gap-3">
        <Tag>{STATUS_LABELS[inspection.status]}</Tag>
        <span>
          Your role: <strong>{inspection.scope.role ? ROLE_LABELS[inspection.scope.role] : 'Admin'}</strong>
        </span>
      </p>

      <ul className="mb-8 flex flex-wrap gap-x-6 gap-y-2" data-testid="inspection-links">
        {can(user, 'inspection.manage', { inspection: inspection.scope }) ? (
          <li>
            <Link href={`/inspections/${inspection.id}/setup`}>Set up this inspection</Link>
          </li>
        ) : null}
        {can(user, 'panel.view', { inspection: inspection.scope }) ? (
          <li>
            <Link href={`/inspections/${inspection.id}/panel`}>Ratings panel</Link>
          </li>
        ) : null}
        {can(user, 'panel.view', { inspection: inspection.scope }) ? (
          <li>
            <Link href={`/inspections/${inspection.id}/report`}>Draft report</Link>
          </li>
        ) : null}
        {can(user, 'export.download', { inspection: inspection.scope }) ? (
          <li>
            <Link href={`/inspections/${inspection.id}/exports`}>Exports</Link>
          </li>
        ) : null}
      </ul>

      <SecondMarkingLinks access={inspection} />

      {coverage ? (
        <QualityCoverage
          inspectionId={inspection.id}
          coverage={coverage}
          canSetTarget={can(user, 'inspection.manage', { inspection: inspection.scope })}
        />
      ) : null}

      {offlineCases.cases.length > 0 ? (
        <OfflineCases
          userId={user.id}
          inspectionId={inspection.id}
          cases={offlineCases.cases}
          allocatedCount={offlineCases.allocatedCount}
        />
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">{seesAll ? 'Cases in the sample' : 'Your cases'}</h2>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter cases">
        <div>
          <label htmlFor="filter-type" className="mb-1 block font-bold">
            Type
          </label>
          <select id="filter-type" name="type" defaultValue={type ?? ''} className="border-2 border-govuk-input p-1.5">
            <option value="">All types</option>
            {CASE_TYPES.map((t) => (
              <option key={t} value={t}>
                {CASE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-status" className="mb-1 block font-bold">
            Status
          </label>
          <select id="filter-status" name="status" defaultValue={status ?? ''} className="border-2 border-govuk-input p-1.5">
            <option value="">All statuses</option>
            {MARKING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {MARKING_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="cursor-pointer bg-govuk-light-grey px-3 py-2 shadow-[0_2px_0_#929191]">
          Apply filters
        </button>
      </form>

      {cases.length === 0 ? (
        <p data-testid="no-cases">No cases match.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="case-table">
            <caption className="sr-only">Cases, with their marking status and progress</caption>
            <thead>
              <tr className="border-b-2 border-govuk-border">
                <th scope="col" className="py-2 pr-4">
                  Reference
                </th>
                <th scope="col" className="py-2 pr-4">
                  Type
                </th>
                <th scope="col" className="py-2 pr-4">
                  Disposal
                </th>
                {seesAll ? (
                  <th scope="col" className="py-2 pr-4">
                    Inspector
                  </th>
                ) : null}
                <th scope="col" className="py-2 pr-4">
                  Progress
                </th>
                <th scope="col" className="py-2 pr-4">
                  Status
                </th>
                <th scope="col" className="py-2">
                  Queries
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id} className="border-b border-govuk-border" data-testid="case-row">
                  <td className="py-2 pr-4">
                    <Link href={`/inspections/${inspection.id}/cases/${c.id}`}>{c.reference}</Link>
                    <UnsentBadge userId={user.id} caseId={c.id} />
                  </td>
                  <td className="py-2 pr-4">{CASE_TYPE_LABELS[c.type]}</td>
                  <td className="py-2 pr-4">{DISPOSAL_LABELS[c.disposal]}</td>
                  {seesAll ? <td className="py-2 pr-4">{c.inspectorName ?? 'Not allocated'}</td> : null}
                  <td className="py-2 pr-4">
                    {c.answered} of {c.total}
                  </td>
                  <td className="py-2 pr-4">
                    <Tag colour={STATUS_COLOURS[c.status]}>{MARKING_STATUS_LABELS[c.status]}</Tag>
                  </td>
                  <td className="py-2" data-testid="case-queries-cell">
                    {queryCounts.get(c.id)?.open ? (
                      <Link href={`/inspections/${inspection.id}/cases/${c.id}#queries`}>
                        <Tag colour="orange">{`${queryCounts.get(c.id)!.open} open`}</Tag>
                        <span className="sr-only"> queries on case {c.reference}</span>
                      </Link>
                    ) : null}
                    {queryCounts.get(c.id)?.answered ? <Tag colour="blue">{`${queryCounts.get(c.id)!.answered} answered`}</Tag> : null}
                    {canReview ? (
                      <Link href={`/inspections/${inspection.id}/cases/${c.id}/review`} className="ml-2">
                        Review<span className="sr-only"> case {c.reference}</span>
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
