import { loadAuditTrail } from '@/lib/audit/history';
import { auditExportTable } from '@/lib/export/audit-tables';
import { toCsv } from '@/lib/export/csv';
import { fileSlug } from '@/lib/export/files';
import { tableGrid } from '@/lib/export/tables';
import { authoriseInspectionRequest, downloadResponse, SIGN_IN_TO_DOWNLOAD } from '@/lib/http/inspection-route';

export const dynamic = 'force-dynamic';

/**
 * GET /inspections/:id/exports/audit — the inspection's audit trail as CSV (issue 23): who
 * changed what, when, from what, to what and through which route. For those who may see
 * agreement (the lead, quality assurers, managers, admins); a second inspector still blind to
 * the first marking, and anyone else, gets the not-found answer.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const access = await authoriseInspectionRequest(inspectionId, ['agreement.view'], SIGN_IN_TO_DOWNLOAD);
  if (access instanceof Response) return access;
  const { inspection } = access;
  const table = auditExportTable(await loadAuditTrail(inspection));
  const name = `${fileSlug(inspection.serviceName)}-audit-trail-${new Date().toISOString().slice(0, 10)}.csv`;
  return downloadResponse(toCsv(tableGrid(table)), 'text/csv; charset=utf-8', name);
}
