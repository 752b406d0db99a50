import { prisma } from '@/lib/db/client';
import { DOCX_CONTENT_TYPE } from '@/lib/export/annexe-docx';
import { fileSlug } from '@/lib/export/files';
import { buildReportDocx } from '@/lib/export/report-docx';
import { getFramework } from '@/lib/framework';
import { formatDateRange } from '@/lib/format/labels';
import { authoriseInspectionRequest, downloadResponse, SIGN_IN_TO_DOWNLOAD } from '@/lib/http/inspection-route';
import { buildReportDocument } from '@/lib/report/document';
import { loadReportDraft } from '@/lib/report/load-draft';

export const dynamic = 'force-dynamic';

/**
 * GET /inspections/:id/report/docx — the draft report as a Word document. For those who may see
 * the ratings panel and download exports (the lead, managers, admins); anyone else gets the
 * not-found answer.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const access = await authoriseInspectionRequest(inspectionId, ['panel.view', 'export.download'], SIGN_IN_TO_DOWNLOAD);
  if (access instanceof Response) return access;
  const { inspection } = access;
  const draft = await loadReportDraft(prisma, access.user, inspection.id);
  const sampleByType = Object.fromEntries(
    Object.entries(draft.figures.samples).map(([type, s]) => [type, Object.values(s.byDisposal).reduce((a, b) => a + (b ?? 0), 0)]),
  );
  const bytes = await buildReportDocx(buildReportDocument(draft), {
    framework: getFramework(draft.framework),
    result: draft.figures.result,
    serviceName: draft.serviceName,
    fieldwork: formatDateRange(inspection.fieldworkStart, inspection.fieldworkEnd, draft.fieldworkMonthOnly),
    sampleByType,
  });
  const fileName = `${fileSlug(inspection.serviceName)}-draft-report-${new Date().toISOString().slice(0, 10)}.docx`;
  return downloadResponse(bytes as BodyInit, DOCX_CONTENT_TYPE, fileName);
}
