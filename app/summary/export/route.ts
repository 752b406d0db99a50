import { getSessionUser } from '@/lib/auth/session';
import { prisma } from '@/lib/db/client';
import { streamOfText } from '@/lib/export/all-inspections';
import { attachmentHeader } from '@/lib/export/files';
import { XLSX_CONTENT_TYPE } from '@/lib/export/xlsx';
import { canViewSummary } from '@/lib/summary/access';
import { parseSummaryFilters } from '@/lib/summary/filters';
import { loadSummary } from '@/lib/summary/load-summary';
import { buildSummaryTables, parseSummaryTableId, summaryCsv, summaryWorkbookStream } from '@/lib/summary/summary-tables';

export const dynamic = 'force-dynamic';

async function* fromSync(chunks: Iterable<string>): AsyncGenerator<string> {
  yield* chunks;
}

/**
 * GET /summary/export?format=xlsx|csv&table=…&<the summary page's filters> — what the summary
 * page shows, for the same user and filters: the workbook (a sheet per table, the filters
 * first) or one table as CSV (`table=inspections` by default; `filters`, `rating-counts`,
 * `key-questions`, `changes`, `inspection-key-questions`). Both are streamed. Admins, leads and managers only; filters that
 * do not parse are refused with 400 rather than ignored, so a file never silently shows more.
 */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response('Sign in to download exports.', { status: 401 });
  if (!(await canViewSummary(prisma, user)))
    return new Response('Only admins, lead inspectors and managers can export the summary.', { status: 403 });
  const params = new URL(request.url).searchParams;
  const { filters, errors } = parseSummaryFilters(params);
  const problems = Object.values(errors);
  if (problems.length) return new Response(`${problems.join('. ')}.`, { status: 400 });
  const format = params.get('format') ?? 'xlsx';
  if (format !== 'csv' && format !== 'xlsx') return new Response('Unknown format: use ?format=csv or ?format=xlsx.', { status: 400 });
  const tableId = parseSummaryTableId(params.get('table'));
  if (format === 'csv' && !tableId)
    return new Response('Unknown table: use inspections, rating-counts, key-questions, changes, inspection-key-questions or filters.', {
      status: 400,
    });

  const data = await loadSummary(prisma, user, filters);
  const tables = buildSummaryTables({ ...data, filters });
  const date = new Date().toISOString().slice(0, 10);
  const headers = { 'Cache-Control': 'private, no-store' };
  if (format === 'csv') {
    const table = tables.find((t) => t.id === tableId)!;
    return new Response(streamOfText(fromSync(summaryCsv(table))), {
      headers: {
        ...headers,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': attachmentHeader(`casemark-summary-${table.id}-${date}.csv`),
      },
    });
  }
  return new Response(summaryWorkbookStream(tables, { title: 'Casemark summary across inspections' }), {
    headers: { ...headers, 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': attachmentHeader(`casemark-summary-${date}.xlsx`) },
  });
}
