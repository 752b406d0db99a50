import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { loadReportDraft } from '@/lib/report/load-draft';
import { ReportEditor } from '@/components/report/report-editor';
import { WritersForm } from '@/components/report/writers-form';

export const metadata: Metadata = { title: 'Draft report' };
export const dynamic = 'force-dynamic';

export default async function ReportPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/report`);
  const inspection = await requireInspection(user, inspectionId, 'panel.view');
  const draft = await loadReportDraft(prisma, user, inspection.id);
  return (
    <>
      <p className="mb-2">
        <Link href={`/inspections/${inspectionId}`}>Back to {inspection.serviceName}</Link>
      </p>
      <span className="text-xl text-govuk-secondary">{inspection.serviceName}</span>
      <h1 className="mb-4 text-4xl font-bold">Draft report</h1>
      <p className="mb-2">
        What you write here is saved as you type. Sentences from the figures are inserted where you choose, and are flagged if the figures
        change afterwards.
      </p>
      <ul className="mb-6 flex flex-wrap gap-x-6">
        <li>
          <Link href={`/inspections/${inspectionId}/report/print`}>Print view</Link>
        </li>
        {can(user, 'export.download', { inspection: inspection.scope }) ? (
          <li>
            <a href={`/inspections/${inspectionId}/report/docx`} download data-testid="report-docx-link">
              Download the draft (Word document)
            </a>
          </li>
        ) : null}
      </ul>
      {!draft.canEdit ? <p className="mb-4 font-bold">You can read the draft report but not change it.</p> : null}
      {draft.canChooseWriters ? <WritersForm inspectionId={inspectionId} writers={draft.writers} /> : null}
      <ReportEditor draft={draft} />
    </>
  );
}
