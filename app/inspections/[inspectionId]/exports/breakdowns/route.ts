import { prisma } from '@/lib/db/client';
import { breakdownCsvGrid, breakdownSheets } from '@/lib/export/breakdown-tables';
import { toCsv } from '@/lib/export/csv';
import { fileSlug, parseExportFormat } from '@/lib/export/files';
import { buildWorkbook, XLSX_CONTENT_TYPE } from '@/lib/export/xlsx';
import { authoriseInspectionRequest, downloadResponse, SIGN_IN_TO_DOWNLOAD } from '@/lib/http/inspection-route';
import { loadBreakdowns } from '@/lib/panel/load-breakdowns';

export const dynamic = 'force-dynamic';

/**
 * GET /inspections/:id/exports/breakdowns?format=csv|xlsx — each key question's % yes by
 * gender, risk of serious harm, safety and wellbeing and disposal type, with the counts. For
 * the inspection's lead, managers and admins; anyone else gets the not-found answer. Both
 * files carry the sub-sample caveat the page shows.
 */
export async function GET(request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const access = await authoriseInspectionRequest(inspectionId, ['export.download'], SIGN_IN_TO_DOWNLOAD);
  if (access instanceof Response) return access;
  const { inspection } = access;
  const format = parseExportFormat(new URL(request.url).searchParams.get('format'));
  if (!format) return new Response('Unknown format: use ?format=csv or ?format=xlsx.', { status: 400 });

  const dimensions = await loadBreakdowns(prisma, inspection);
  const base = `${fileSlug(inspection.serviceName)}-breakdowns-${new Date().toISOString().slice(0, 10)}`;
  if (format === 'csv') return downloadResponse(toCsv(breakdownCsvGrid(dimensions)), 'text/csv; charset=utf-8', `${base}.csv`);
  const bytes = await buildWorkbook(breakdownSheets(dimensions), { title: `${inspection.serviceName}: breakdowns` });
  return downloadResponse(bytes as BodyInit, XLSX_CONTENT_TYPE, `${base}.xlsx`);
}
