import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { prisma } from '@/lib/db/client';
import { formatDate } from '@/lib/format/labels';
import { canViewSummary } from '@/lib/summary/access';
import { parseSummaryFilters, summaryQueryString } from '@/lib/summary/filters';
import { listSummaryFilterOptions, loadSummary } from '@/lib/summary/load-summary';
import {
  SORT_LABELS,
  SUMMARY_TABLE_IDS,
  buildSummaryTables,
  filterRows,
  SUB_SAMPLE_CAVEAT,
  SUMMARY_LEGEND,
} from '@/lib/summary/summary-tables';
import { SummaryFilterForm, SummaryPrintFilters, filterErrorHref } from '@/components/summary/summary-filter-form';
import { SummaryTable } from '@/components/summary/summary-table';
import { SummaryNational } from '@/components/summary/summary-national';
import { ErrorSummary } from '@/components/ui/error-summary';
import { ExportList } from '@/components/exports/export-list';
import { must } from '@/lib/must';

export const metadata: Metadata = { title: 'Summary across inspections' };
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

function toParams(searchParams: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (typeof value === 'string') params.set(key, value);
    else if (Array.isArray(value) && value[0] !== undefined) params.set(key, value[0]);
  }
  return params;
}

/**
 * A4 landscape with narrow margins; the site's header, footer and the filter form are not
 * printed (.no-print), the filters in force and the date are (above the table).
 */
const PRINT_CSS = '@media print { @page { size: A4 landscape; margin: 8mm; } body { font-size: 9pt; } }';

const EXPORT_DESCRIPTIONS: Record<string, string> = {
  inspections: 'One row per inspection shown, in this order, ending with the * legend and the caveat.',
  'inspection-key-questions':
    'One row per inspection shown and key question, with the national median and range of every published inspection on its standards.',
};

export default async function SummaryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = toParams(await searchParams);
  const user = await requireUser(`/summary?${params.toString()}`);
  if (!(await canViewSummary(prisma, user))) notFound();
  const { filters, errors } = parseSummaryFilters(params);
  const [data, options] = await Promise.all([loadSummary(prisma, user, filters), listSummaryFilterOptions(prisma, user)]);
  const { rows, national } = data;
  const printedAt = new Date();
  const tables = buildSummaryTables({ ...data, filters });
  const final = rows.filter((r) => r.isFinal).length;

  return (
    <>
      {/* A4 landscape, and the summary fits its width: every column on paper (issue 23). */}
      <style>{PRINT_CSS}</style>
      <p className="no-print mb-2">
        <Link href="/">Back to your inspections</Link>
      </p>
      <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ href: filterErrorHref(field), message }))} />
      <h1 className="mb-2 text-4xl font-bold print:text-xl">Summary across inspections</h1>
      <SummaryPrintFilters
        rows={filterRows(filters, { shown: rows.length, national }, printedAt).filter(
          ([name]) => !['Generated', 'Legend', 'Caveat'].includes(name),
        )}
        printedAt={formatDate(printedAt)}
      />
      <p className="mb-6 max-w-3xl text-govuk-secondary print:hidden">
        {user.isAdmin ? 'As an admin you see every inspection.' : 'The inspections you lead or manage.'} Those not yet published are shown
        with their provisional ratings and are marked so. The national figures count every published inspection, whoever looks.
      </p>

      <SummaryFilterForm filters={filters} errors={errors} options={options} />

      <h2 className="mb-2 text-2xl font-bold print:hidden">Inspections</h2>
      <p className="mb-4 print:mb-1 print:text-[8pt]" data-testid="summary-counts">
        {rows.length === 1 ? '1 inspection' : `${rows.length} inspections`} shown, {final} with final ratings (published). Sorted by{' '}
        {SORT_LABELS[filters.sort].toLowerCase()}, {filters.dir === 'asc' ? 'ascending' : 'descending'}.
      </p>
      {rows.length === 0 ? (
        <p className="mb-8" data-testid="summary-empty">
          No inspections match these filters.
        </p>
      ) : (
        <SummaryTable rows={rows} filters={filters} />
      )}
      <div className="mb-8 text-base print:text-[7pt]" data-testid="summary-legend">
        <p>{SUMMARY_LEGEND}</p>
        <p className="mt-1">{SUB_SAMPLE_CAVEAT}</p>
      </div>

      <SummaryNational national={national} framework={filters.framework} />

      <h2 className="no-print mb-4 text-2xl font-bold">Download what this page shows</h2>
      <div className="no-print">
        <ExportList
          testId="summary-exports"
          links={[
            {
              id: 'summary-xlsx',
              href: `/summary/export?${summaryQueryString(filters, { format: 'xlsx' })}`,
              label: 'Every table',
              format: 'Excel workbook (XLSX)',
              description:
                'The filters on the first sheet, then one sheet per table: inspections, ratings by standard, key questions across inspections, change since the previous inspection, each inspection’s key questions against the national median and range.',
            },
            ...SUMMARY_TABLE_IDS.filter((id) => id !== 'filters').map((id) => ({
              id: `summary-csv-${id}`,
              href: `/summary/export?${summaryQueryString(filters, { format: 'csv', table: id })}`,
              label: must(
                tables.find((t) => t.id === id),
                'a table for each id',
              ).title,
              format: 'CSV',
              description: EXPORT_DESCRIPTIONS[id] ?? 'National: every published inspection on the same standards, whoever looks.',
            })),
          ]}
        />
      </div>
    </>
  );
}
