import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { IMPORT_COLUMNS } from '@/lib/setup/check-case-import';
import { ImportForm } from '@/components/setup/import-form';
import { FileTemplateHelp } from '@/components/setup/file-template-help';

export const metadata: Metadata = { title: 'Import cases' };

const COLUMN_HELP: Record<(typeof IMPORT_COLUMNS)[number], string> = {
  reference: 'Required. The service’s case reference, up to 40 characters. Never the child’s name.',
  type: 'Required. court, out_of_court or resettlement (or “Court”, “Out of court”).',
  disposal: 'Required. For example referral_order, youth_rehabilitation_order, youth_conditional_caution, youth_caution, or their names.',
  sentence_date: 'Optional. YYYY-MM-DD or DD/MM/YYYY.',
  gender: 'Optional.',
  rosh: 'Optional. low, medium, high or very_high.',
  safety_wellbeing: 'Optional. low, medium, high or very_high.',
  case_manager: 'Optional. How the service refers to the case manager.',
  inspector_email: 'Optional. An inspector or the lead inspector on the team; blank leaves the case unallocated.',
};

export default async function ImportPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/setup/import`);
  const inspection = await requireInspection(user, inspectionId, 'inspection.manage');
  return (
    <>
      <p className="mb-2">
        <Link href={`/inspections/${inspection.id}/setup`}>Back to set-up</Link>
      </p>
      <span className="text-xl text-govuk-secondary">{inspection.serviceName}</span>
      <h1 className="mb-6 text-4xl font-bold">Import the case sample</h1>
      {inspection.status === 'published' ? (
        <p>This inspection is published: its cases can no longer change.</p>
      ) : (
        <>
          <p className="mb-4 max-w-3xl">
            Upload the list of cases the service sent before fieldwork, as a CSV file with one row per case. Casemark checks every row and
            shows you the result; nothing is imported until every row is correct and you choose to import. The file must not contain
            children’s names.
          </p>
          <FileTemplateHelp
            templateHref={`/inspections/${inspection.id}/setup/import/template`}
            summary="The columns of the file"
            columns={IMPORT_COLUMNS}
            help={COLUMN_HELP}
            className="mb-8 max-w-3xl"
          />
          <ImportForm inspectionId={inspection.id} />
        </>
      )}
    </>
  );
}
