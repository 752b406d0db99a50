import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { buildReportDocument } from '@/lib/report/document';
import { loadReportDraft } from '@/lib/report/load-draft';
import { ReportPrint } from '@/components/report/report-print';

export const metadata: Metadata = { title: 'Draft report: print view' };
export const dynamic = 'force-dynamic';

export default async function ReportPrintPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/report/print`);
  const inspection = await requireInspection(user, inspectionId, 'panel.view');
  const draft = await loadReportDraft(prisma, user, inspection.id);
  return (
    <>
      <p className="mb-4 print:hidden">
        <Link href={`/inspections/${inspectionId}/report`}>Back to the draft report</Link>
      </p>
      <ReportPrint report={buildReportDocument(draft)} />
    </>
  );
}
