import { getSessionUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { findInspectionForUser } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { formatCsv } from '@/lib/csv/parse-csv';
import { importTemplateRows } from '@/lib/setup/case-import';

/** The CSV template for the case sample: the header and one example row. */
export async function GET(_request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await getSessionUser();
  const inspection = user ? await findInspectionForUser(user, inspectionId) : null;
  if (!user || !inspection || !can(user, 'inspection.manage', { inspection: inspection.scope })) {
    return new Response('Not found', { status: 404 });
  }
  const inspector = await prisma.inspectionMember.findFirst({
    where: { inspectionId, role: 'inspector', user: { isActive: true } },
    orderBy: { user: { name: 'asc' } },
    select: { user: { select: { email: true } } },
  });
  // A UTF-8 byte order mark so that Excel opens the file as UTF-8.
  const body = '\uFEFF' + formatCsv(importTemplateRows(inspector?.user.email ?? null));
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="casemark-case-sample-template.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
