import { prisma } from '@/lib/db/client';
import { csvTemplateResponse, authoriseInspectionRequest } from '@/lib/http/inspection-route';
import { importTemplateRows } from '@/lib/setup/check-case-import';

/** The CSV template for the case sample: the header and one example row. */
export async function GET(_request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const access = await authoriseInspectionRequest(inspectionId, ['inspection.manage']);
  if (access instanceof Response) return access;
  const inspector = await prisma.inspectionMember.findFirst({
    where: { inspectionId, role: 'inspector', user: { isActive: true } },
    orderBy: { user: { name: 'asc' } },
    select: { user: { select: { email: true } } },
  });
  return csvTemplateResponse(importTemplateRows(inspector?.user.email ?? null), 'casemark-case-sample-template.csv');
}
