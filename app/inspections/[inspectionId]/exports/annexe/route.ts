import { prisma } from '@/lib/db/client';
import { buildAnnexeDocx, DOCX_CONTENT_TYPE } from '@/lib/export/annexe-docx';
import { fileSlug } from '@/lib/export/files';
import { getFramework } from '@/lib/framework';
import { authoriseInspectionRequest, downloadResponse, SIGN_IN_TO_DOWNLOAD } from '@/lib/http/inspection-route';
import { fieldworkLabel } from '@/lib/data/inspections';
import { loadPanelData } from '@/lib/panel/load-panel';

export const dynamic = 'force-dynamic';

/**
 * GET /inspections/:id/exports/annexe — the report annexe as a Word document: the ratings
 * table, then every case-marked standard's key questions and prompts with % yes. For the
 * inspection's lead, managers and admins; anyone else gets the not-found answer.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const access = await authoriseInspectionRequest(inspectionId, ['export.download'], SIGN_IN_TO_DOWNLOAD);
  if (access instanceof Response) return access;
  const { inspection } = access;

  const panel = await loadPanelData(prisma, access.user, inspection.id);
  const bytes = await buildAnnexeDocx({
    framework: getFramework(panel.framework),
    result: panel.result,
    serviceName: inspection.serviceName,
    fieldwork: await fieldworkLabel(inspection),
    sampleByType: panel.progress.sample.byType,
  });
  const fileName = `${fileSlug(inspection.serviceName)}-annexe-${new Date().toISOString().slice(0, 10)}.docx`;
  return downloadResponse(bytes as BodyInit, DOCX_CONTENT_TYPE, fileName);
}
