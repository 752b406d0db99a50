import { agreementExportTable, disagreementExportTable } from '@/lib/export/agreement-tables';
import { toCsv } from '@/lib/export/csv';
import { fileSlug, parseExportFormat } from '@/lib/export/files';
import { tableGrid } from '@/lib/export/tables';
import { buildWorkbook, XLSX_CONTENT_TYPE } from '@/lib/export/xlsx';
import { getFramework } from '@/lib/framework';
import { authoriseInspectionRequest, downloadResponse, SIGN_IN_TO_DOWNLOAD } from '@/lib/http/inspection-route';
import { loadAgreement } from '@/lib/quality/second-marking-views';

export const dynamic = 'force-dynamic';

/**
 * GET /inspections/:id/exports/agreement?format=csv|xlsx — agreement between first and blind
 * second marking per standard and key question (CSV), with the disagreements (XLSX, a second
 * sheet). For those who may both export and see agreement (the lead, managers, admins); anyone
 * else — a second inspector above all — gets the not-found answer.
 */
export async function GET(request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const access = await authoriseInspectionRequest(inspectionId, ['export.download', 'agreement.view'], SIGN_IN_TO_DOWNLOAD);
  if (access instanceof Response) return access;
  const { inspection } = access;
  const format = parseExportFormat(new URL(request.url).searchParams.get('format'));
  if (!format) return new Response('Unknown format: use ?format=csv or ?format=xlsx.', { status: 400 });

  const agreement = await loadAgreement(inspection);
  const table = agreementExportTable(getFramework(inspection.framework), agreement, agreement.byInspectorPair);
  const base = `${fileSlug(inspection.serviceName)}-agreement-${new Date().toISOString().slice(0, 10)}`;
  if (format === 'csv') return downloadResponse(toCsv(tableGrid(table)), 'text/csv; charset=utf-8', `${base}.csv`);
  const bytes = await buildWorkbook([table, disagreementExportTable(agreement.disagreements)], {
    title: `${inspection.serviceName}: agreement between markings`,
  });
  return downloadResponse(bytes as BodyInit, XLSX_CONTENT_TYPE, `${base}.xlsx`);
}
