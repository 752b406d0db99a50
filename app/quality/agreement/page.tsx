import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { loadAgreementAcrossInspections } from '@/lib/quality/second-marking-views';
import { AgreementCells, AgreementHeadings } from '@/components/quality/agreement-figures';

export const metadata: Metadata = { title: 'Agreement across inspections' };
export const dynamic = 'force-dynamic';

/**
 * A quality lead's view (issue 23): agreement between first and blind second marking across
 * every inspection the user may see agreement for — each inspection's whole-inspection figure,
 * all of them pooled, and each inspector pair over the inspections they marked together.
 */
export default async function AgreementAcrossInspectionsPage() {
  const user = await requireUser('/quality/agreement');
  const { inspections, pooled, byInspectorPair } = await loadAgreementAcrossInspections(user);
  return (
    <>
      <h1 className="mb-4 text-4xl font-bold">Agreement across inspections</h1>
      <p className="mb-6 max-w-3xl">
        Every key question of every double-marked case, first marking against blind second marking, over the inspections you may see
        agreement for. The figures are explained on each inspection’s agreement page and in docs/quality.md.
      </p>
      {inspections.length === 0 ? (
        <p data-testid="no-agreement">No second marking has been submitted on an inspection you can see.</p>
      ) : (
        <>
          <AgreementTable caption="By inspection" testId="across-inspections" heading="Inspection">
            {inspections.map((row) => (
              <tr key={row.inspectionId} className="border-b border-govuk-border" data-testid="across-inspection">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <Link href={`/inspections/${row.inspectionId}/agreement`}>{row.serviceName}</Link>
                  <span className="block text-base text-govuk-secondary">
                    Fieldwork {row.fieldwork}; {row.doubleMarkedCases} double-marked case
                    {row.doubleMarkedCases === 1 ? '' : 's'}
                  </span>
                </th>
                <AgreementCells group={row.agreement} />
              </tr>
            ))}
            <tr className="border-b border-govuk-border bg-govuk-light-grey" data-testid="across-pooled">
              <th scope="row" className="py-2 pr-4">
                All these inspections
              </th>
              <AgreementCells group={pooled} />
            </tr>
          </AgreementTable>
          <AgreementTable
            caption="By inspector pair, over all these inspections"
            testId="across-pairs"
            heading="First inspector and second inspector"
          >
            {byInspectorPair.map((p) => (
              <tr key={`${p.firstInspector}:${p.secondInspector}`} className="border-b border-govuk-border" data-testid="across-pair">
                <th scope="row" className="py-2 pr-4 font-normal">
                  {p.firstInspector} and {p.secondInspector}
                </th>
                <AgreementCells group={p.agreement} />
              </tr>
            ))}
          </AgreementTable>
        </>
      )}
    </>
  );
}

function AgreementTable({
  caption,
  testId,
  heading,
  children,
}: {
  caption: string;
  testId: string;
  heading: string;
  children: React.ReactNode;
}) {
  return (
    <div className="mb-10 overflow-x-auto">
      <table className="w-full border-collapse text-left" data-testid={testId}>
        <caption className="mb-2 text-left text-xl font-bold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-govuk-border">
            <th scope="col" className="py-2 pr-4">
              {heading}
            </th>
            <AgreementHeadings />
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
