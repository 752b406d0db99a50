import { prisma } from '@/lib/db/client';
import { fileSlug } from '@/lib/export/files';
import { authoriseInspectionRequest, downloadResponse, SIGN_IN_TO_DOWNLOAD } from '@/lib/http/inspection-route';
import { exportInspection } from '@/lib/interchange/export-inspection';
import { writeAudit } from '@/lib/audit/write';

export const dynamic = 'force-dynamic';

/**
 * GET /inspections/:id/exports/interchange — the whole inspection as a `casemark/inspection@1`
 * file (docs/interchange.md). It carries every evidence note, so only the lead inspector and
 * admins may download it (others get 404), and each download is audited.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const access = await authoriseInspectionRequest(inspectionId, ['export.download', 'inspection.manage'], SIGN_IN_TO_DOWNLOAD);
  if (access instanceof Response) return access;
  const { user, inspection } = access;
  const document = await exportInspection(prisma, user, inspection.id);
  await writeAudit(prisma, {
    actorId: user.id,
    inspectionId: inspection.id,
    action: 'inspection.export',
    entityId: inspection.id,
    newValue: { format: document.format, cases: document.cases.length },
  });
  const date = new Date().toISOString().slice(0, 10);
  return downloadResponse(
    `${JSON.stringify(document, null, 2)}\n`,
    'application/json; charset=utf-8',
    `${fileSlug(inspection.serviceName)}-inspection-${date}.json`,
  );
}
