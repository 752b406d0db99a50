import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { formatDate } from '@/lib/format/labels';
import { listSecondMarkings, loadAssignOptions, type SecondMarkingRow } from '@/lib/quality/second-marking-views';
import { AssignSecondMarkingForm } from '@/components/quality/assign-second-marking-form';
import { WithdrawSecondMarkingForm } from '@/components/quality/withdraw-second-marking-form';
import { Tag } from '@/components/ui/tag';

export const metadata: Metadata = { title: 'Second marking' };
export const dynamic = 'force-dynamic';

function statusOf(row: SecondMarkingRow) {
  if (!row.submittedAt) return <Tag colour="grey">Not yet submitted</Tag>;
  if (row.disagreements === 0) return <Tag colour="green">Submitted, no disagreements</Tag>;
  if (row.reconciled >= row.disagreements) return <Tag colour="green">{`${row.disagreements} reconciled`}</Tag>;
  return <Tag colour="orange">{`${row.disagreements - row.reconciled} to reconcile`}</Tag>;
}

/**
 * Blind second marking (issue 13). The lead inspector picks cases and second inspectors and
 * follows them; a second inspector sees the cases they are to second mark, and nothing of the
 * first marking of those cases.
 */
export default async function SecondMarkingPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/second-marking`);
  const inspection = await requireInspection(user, inspectionId);
  const canAssign = can(user, 'secondMarking.assign', { inspection: inspection.scope });
  const seesAll = can(user, 'agreement.view', { inspection: inspection.scope });
  if (!seesAll && inspection.scope.role !== 'inspector') notFound();
  const base = `/inspections/${inspectionId}`;

  const [rows, options] = await Promise.all([listSecondMarkings(inspection), canAssign ? loadAssignOptions(inspection) : null]);

  return (
    <>
      <p className="mb-2">
        <Link href={base}>Back to {inspection.serviceName}</Link>
      </p>
      <span className="text-xl text-govuk-secondary">{inspection.serviceName}</span>
      <h1 className="mb-4 text-4xl font-bold">{seesAll ? 'Second marking' : 'Cases to second mark'}</h1>
      {seesAll ? (
        <p className="mb-6 max-w-3xl">
          A second inspector marks a case’s key questions without seeing the first marking, then submits.{' '}
          <Link href={`${base}/agreement`}>Agreement between the markings</Link> shows how often they agree, and the disagreements to
          reconcile.
        </p>
      ) : (
        <p className="mb-6 max-w-3xl">
          Mark each case’s key questions as you would your own. You will not see the first marking, or the ratings panel, until you submit:
          then both markings are shown side by side.
        </p>
      )}

      {canAssign && options ? (
        <section aria-labelledby="assign-heading">
          <h2 id="assign-heading" className="mb-4 text-2xl font-bold">
            Pick a case for second marking
          </h2>
          {options.inspectors.length === 0 ? (
            <p className="mb-8">Add an inspector to the team first: the second inspector must be an inspector.</p>
          ) : (
            <AssignSecondMarkingForm cases={options.cases} inspectors={options.inspectors} />
          )}
        </section>
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">{seesAll ? 'Cases picked' : 'Your cases to second mark'}</h2>
      {rows.length === 0 ? (
        <p data-testid="no-second-markings">
          {seesAll ? 'No case has been picked for second marking yet.' : 'You have no cases to second mark.'}
        </p>
      ) : (
        <table className="mb-8 w-full border-collapse text-left" data-testid="second-marking-table">
          <caption className="sr-only">Cases picked for second marking, with their status</caption>
          <thead>
            <tr className="border-b-2 border-govuk-border">
              <th scope="col" className="py-2 pr-4">
                Case
              </th>
              {seesAll ? (
                <th scope="col" className="py-2 pr-4">
                  First inspector
                </th>
              ) : null}
              <th scope="col" className="py-2 pr-4">
                Second inspector
              </th>
              <th scope="col" className="py-2 pr-4">
                Picked
              </th>
              <th scope="col" className="py-2">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-govuk-border" data-testid="second-marking-row">
                <td className="py-2 pr-4">
                  <Link href={`${base}/second-marking/${row.id}`}>{row.reference}</Link>
                </td>
                {seesAll ? <td className="py-2 pr-4">{row.caseInspectorName ?? 'Not allocated'}</td> : null}
                <td className="py-2 pr-4">{row.markerName}</td>
                <td className="py-2 pr-4">{formatDate(new Date(row.assignedAt))}</td>
                <td className="py-2">
                  {statusOf(row)}
                  {canAssign && !row.submittedAt ? <WithdrawSecondMarkingForm secondMarkingId={row.id} reference={row.reference} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
