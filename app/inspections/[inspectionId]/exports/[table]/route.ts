import { prisma } from '@/lib/db/client';
import { parseExportFormat, parseExportTarget, renderExport } from '@/lib/export/files';
import { authoriseInspectionRequest, downloadResponse, SIGN_IN_TO_DOWNLOAD } from '@/lib/http/inspection-route';
import { loadPanelData } from '@/lib/panel/load-panel';

export const dynamic = 'force-dynamic';

/**
 * GET /inspections/:id/exports/:table?format=csv|xlsx — the ratings, key-question or prompt
 * table, or (2021) Casemark's own resettlement questions, as CSV or XLSX; `all?format=xlsx` is
 * the workbook with all of them. For the inspection's
 * managers, lead and admins (`export.download`); anyone else gets the same 404 as for an
 * inspection that does not exist.
 */
export async function GET(request: Request, { params }: { params: Promise<{ inspectionId: string; table: string }> }) {
  const { inspectionId, table } = await params;
  const access = await authoriseInspectionRequest(inspectionId, ['export.download'], SIGN_IN_TO_DOWNLOAD);
  if (access instanceof Response) return access;
  const { inspection } = access;
  const target = parseExportTarget(table);
  if (!target) return new Response('Not found', { status: 404 });
  const format = parseExportFormat(new URL(request.url).searchParams.get('format'));
  if (!format) return new Response('Unknown format: use ?format=csv or ?format=xlsx.', { status: 400 });

  const panel = await loadPanelData(prisma, access.user, inspection.id);
  const file = await renderExport(panel, target, format, { serviceName: inspection.serviceName });
  if (!file && target === 'resettlement')
    return new Response('The 2018 standards have no resettlement cases, so there is no resettlement table.', { status: 404 });
  if (!file) return new Response('All the tables come as one workbook (?format=xlsx) or as one CSV per table.', { status: 400 });
  return downloadResponse(file.body as BodyInit, file.contentType, file.fileName);
}
