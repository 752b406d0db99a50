import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { listAllocatableMembers, requireSetupCase } from '@/lib/data/setup';
import { caseFormValuesOf } from '@/components/setup/case-form-values';
import { CaseForm } from '@/components/setup/case-form';
import { DeleteCaseForm } from '@/components/setup/delete-case-form';

export const metadata: Metadata = { title: 'Change a case' };

export default async function EditCasePage({ params }: { params: Promise<{ inspectionId: string; caseId: string }> }) {
  const { inspectionId, caseId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/setup/cases/${caseId}`);
  const inspection = await requireInspection(user, inspectionId, 'inspection.manage');
  const [kase, allocatable] = await Promise.all([requireSetupCase(inspection, caseId), listAllocatableMembers(inspection)]);
  // The case's current inspector stays a choice even if no longer allocatable (e.g. deactivated),
  // so saving other changes never silently unallocates the case.
  const inspectors =
    kase.inspectorId && !allocatable.some((m) => m.id === kase.inspectorId)
      ? [...allocatable, { id: kase.inspectorId, name: `${kase.inspector?.name ?? 'Unknown'} (no longer allocatable)`, role: 'inspector' }]
      : allocatable;
  const isPublished = inspection.status === 'published';
  const answers = kase._count.answers;
  return (
    <>
      <p className="mb-2">
        <Link href={`/inspections/${inspection.id}/setup`}>Back to set-up</Link>
      </p>
      <span className="text-xl text-govuk-secondary">{inspection.serviceName}</span>
      <h1 className="mb-6 text-4xl font-bold">Case {kase.reference}</h1>
      {isPublished ? (
        <p>This inspection is published: its cases can no longer change.</p>
      ) : (
        <>
          <CaseForm inspectionId={inspection.id} framework={inspection.framework} inspectors={inspectors} kase={caseFormValuesOf(kase)} />
          <section aria-labelledby="delete-heading" className="mt-12 border-t border-govuk-border pt-6">
            <h2 id="delete-heading" className="mb-3 text-2xl font-bold">
              Delete this case
            </h2>
            {answers > 0 ? (
              <p data-testid="delete-refused">
                This case cannot be deleted: {answers} {answers === 1 ? 'answer has' : 'answers have'} been recorded on it, and deleting it
                would lose that marking.
              </p>
            ) : (
              <>
                <p className="mb-3">No marking has been recorded on this case. Deleting it takes it out of the sample.</p>
                <DeleteCaseForm inspectionId={inspection.id} caseId={kase.id} reference={kase.reference} />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}
