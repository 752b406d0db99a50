import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { fieldworkLabel, requireInspection } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { tablesOfPanel } from '@/lib/export/files';
import { getFramework } from '@/lib/framework';
import { formatDate, formatTime } from '@/lib/format/labels';
import { loadPanelData } from '@/lib/panel/load-panel';
import { PrintButton } from '@/components/exports/print-button';
import { ReportTables } from '@/components/exports/report-tables';

export const metadata: Metadata = { title: 'Print view' };
export const dynamic = 'force-dynamic';

export default async function PrintViewPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/exports/print`);
  const inspection = await requireInspection(user, inspectionId, 'export.download');
  const panel = await loadPanelData(prisma, user, inspection.id);
  const tables = tablesOfPanel(panel);
  const computedAt = new Date(panel.computedAt);
  return (
    <article className="print:text-sm">
      <p className="no-print mb-2">
        <Link href={`/inspections/${inspection.id}/exports`}>Back to exports</Link>
      </p>
      <span className="text-xl text-govuk-secondary">
        {inspection.framework === '2018' ? '2018 standards' : 'July 2021 standards'} · fieldwork {await fieldworkLabel(inspection)}
      </span>
      <h1 className="mb-2 text-4xl font-bold print:text-2xl">{inspection.serviceName}: ratings and figures</h1>
      <p className="mb-4 text-base text-govuk-secondary" data-testid="print-computed-at">
        Computed on {formatDate(computedAt)} at {formatTime(computedAt)} from the answers saved by then.
      </p>
      <p className="mb-8">
        <PrintButton />
      </p>
      <ReportTables framework={getFramework(panel.framework)} tables={tables} />
    </article>
  );
}
