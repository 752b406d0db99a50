import { can } from '@/lib/auth/permissions';
import { getSessionUser } from '@/lib/auth/session';
import { findInspectionForUser } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { attachmentHeader, fileSlug } from '@/lib/export/files';
import { exportInspection } from '@/lib/interchange/export-inspection';

export const dynamic = 'force-dynamic';

/**
 * GET /inspections/:id/exports/interchange — the whole inspection as a `casemark/inspection@1`
 * file (docs/interchange.md). It carries every evidence note, so only the lead inspector and
 * admins may download it (others get 404), and each download is audited.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await getSessionUser();
  if (!user) return new Response('Sign in to download exports.', { status: 401 });
  const inspection = await findInspectionForUser(user, inspectionId);
  if (!inspection || !can(user, 'export.download', { inspection: inspection.scope }) || !can(user, 'inspection.manage', { inspection: inspection.scope })) {
    return new Response('Not found', { status: 404 });
  }
  const document = await exportInspection(prisma, inspection.id);
  await prisma.auditEntry.create({
    data: {
      actorId: user.id,
      inspectionId: inspection.id,
      action: 'inspection.export',
      entity: 'inspection',
      entityId: inspection.id,
      newValue: { format: document.format, cases: document.cases.length },
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': attachmentHeader(`${fileSlug(inspection.serviceName)}-inspection-${date}.json`),
      'Cache-Control': 'private, no-store',
    },
  });
}
