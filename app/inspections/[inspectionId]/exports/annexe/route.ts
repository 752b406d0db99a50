import { can } from '@/lib/auth/permissions';
import { getSessionUser } from '@/lib/auth/session';
import { findInspectionForUser } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { buildAnnexeDocx, DOCX_CONTENT_TYPE } from '@/lib/export/annexe-docx';
import { attachmentHeader, fileSlug } from '@/lib/export/files';
import { getFramework } from '@/lib/framework';
import { formatDateRange } from '@/lib/format/labels';
import { loadPanelData } from '@/lib/panel/load-panel';

export const dynamic = 'force-dynamic';

/**
 * GET /inspections/:id/exports/annexe — the report annexe as a Word document: the ratings
 * table, then every case-marked standard's key questions and prompts with % yes. For the
 * inspection's lead, managers and admins; anyone else gets the not-found answer.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await getSessionUser();
  if (!user) return new Response('Sign in to download exports.', { status: 401 });
  const inspection = await findInspectionForUser(user, inspectionId);
  if (!inspection || !can(user, 'export.download', { inspection: inspection.scope })) return new Response('Not found', { status: 404 });

  const panel = await loadPanelData(prisma, inspection.id);
  const bytes = await buildAnnexeDocx({
    framework: getFramework(panel.framework),
    result: panel.result,
    serviceName: inspection.serviceName,
    fieldwork: formatDateRange(inspection.fieldworkStart, inspection.fieldworkEnd),
    sampleByType: panel.progress.sample.byType,
  });
  return new Response(bytes as BodyInit, {
    headers: {
      'Content-Type': DOCX_CONTENT_TYPE,
      'Content-Disposition': attachmentHeader(`${fileSlug(inspection.serviceName)}-annexe-${new Date().toISOString().slice(0, 10)}.docx`),
      'Cache-Control': 'private, no-store',
    },
  });
}
