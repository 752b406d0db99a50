import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { listAllocatableMembers } from '@/lib/data/setup';
import { CaseForm } from '@/components/setup/case-form';

export const metadata: Metadata = { title: 'Add a case' };

export default async function NewCasePage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/setup/cases/new`);
  const inspection = await requireInspection(user, inspectionId, 'inspection.manage');
  if (inspection.status === 'published') notFound();
  const inspectors = await listAllocatableMembers(inspection);
  return (
    <>
      <p className="mb-2">
        <Link href={`/inspections/${inspection.id}/setup`}>Back to set-up</Link>
      </p>
      <span className="text-xl text-govuk-secondary">{inspection.serviceName}</span>
      <h1 className="mb-6 text-4xl font-bold">Add a case</h1>
      <CaseForm inspectionId={inspection.id} framework={inspection.framework} inspectors={inspectors} />
    </>
  );
}
