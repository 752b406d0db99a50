import { getSessionUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { findInspectionForUser } from '@/lib/data/inspections';
import { formatCsv } from '@/lib/csv/parse-csv';
import { populationTemplateRows } from '@/lib/sampling/population-file';

/** The CSV template for the service's list of eligible cases. Lead inspectors and admins only. */
export async function GET(_request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await getSessionUser();
  const inspection = user ? await findInspectionForUser(user, inspectionId) : null;
  if (!user || !inspection || !can(user, 'inspection.manage', { inspection: inspection.scope })) {
    return new Response('Not found', { status: 404 });
  }
  // A UTF-8 byte order mark so that Excel opens the file as UTF-8.
  return new Response('\uFEFF' + formatCsv(populationTemplateRows()), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="casemark-eligible-cases-template.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
