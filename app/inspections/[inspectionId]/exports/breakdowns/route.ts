import { can } from '@/lib/auth/permissions';
import { getSessionUser } from '@/lib/auth/session';
import { findInspectionForUser } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { breakdownSheets, breakdownTable } from '@/lib/export/breakdown-tables';
import { toCsv } from '@/lib/export/csv';
import { attachmentHeader, fileSlug, parseExportFormat } from '@/lib/export/files';
import { tableGrid } from '@/lib/export/tables';
import { buildWorkbook, XLSX_CONTENT_TYPE } from '@/lib/export/xlsx';
import { loadBreakdowns } from '@/lib/panel/load-breakdowns';

export const dynamic = 'force-dynamic';

/**
 * GET /inspections/:id/exports/breakdowns?format=csv|xlsx — each key question's % yes by
 * gender, risk of serious harm, safety and wellbeing and disposal type, with the counts. For
 * the inspection's lead, managers and admins; anyone else gets the not-found answer.
 */
export async function GET(request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await getSessionUser();
  if (!user) return new Response('Sign in to download exports.', { status: 401 });
  const inspection = await findInspectionForUser(user, inspectionId);
  if (!inspection || !can(user, 'export.download', { inspection: inspection.scope })) return new Response('Not found', { status: 404 });
  const format = parseExportFormat(new URL(request.url).searchParams.get('format'));
  if (!format) return new Response('Unknown format: use ?format=csv or ?format=xlsx.', { status: 400 });

  const dimensions = await loadBreakdowns(prisma, inspection.id, inspection.framework);
  const base = `${fileSlug(inspection.serviceName)}-breakdowns-${new Date().toISOString().slice(0, 10)}`;
  const headers = { 'Cache-Control': 'private, no-store' };
  if (format === 'csv') {
    return new Response(toCsv(tableGrid(breakdownTable(dimensions))), {
      headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachmentHeader(`${base}.csv`) },
    });
  }
  const bytes = await buildWorkbook(breakdownSheets(dimensions), { title: `${inspection.serviceName}: breakdowns` });
  return new Response(bytes as BodyInit, {
    headers: { ...headers, 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': attachmentHeader(`${base}.xlsx`) },
  });
}
