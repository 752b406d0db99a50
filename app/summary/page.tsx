import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { prisma } from '@/lib/db/client';
import { RATING_LABELS, STATUS_LABELS, formatDate } from '@/lib/format/labels';
import { canViewSummary } from '@/lib/summary/access';
import {
  INSPECTION_STATUSES,
  OVERALL_FILTERS,
  parseSummaryFilters,
  summaryQueryString,
  type SummaryFilters,
  type SummarySort,
} from '@/lib/summary/filters';
import { listSummaryFilterOptions, loadSummary } from '@/lib/summary/load-summary';
import { summaryStandardIds } from '@/lib/summary/summary';
import {
  FRAMEWORK_LABELS,
  SORT_LABELS,
  SUMMARY_TABLE_IDS,
  buildSummaryTables,
  filterRows,
  standardCellText,
  standardTitles,
  SUB_SAMPLE_CAVEAT,
  SUMMARY_LEGEND,
} from '@/lib/summary/summary-tables';
import { ChangeChart, KeyQuestionSpreadChart, RatingCountsChart } from '@/components/summary/summary-charts';
import { ErrorSummary } from '@/components/ui/error-summary';
import { ExportList } from '@/components/exports/export-list';
import { DateInput } from '@/components/ui/date-input';
import { Select } from '@/components/ui/select';
import { Button } from '@/components/ui/button';
import { Tag } from '@/components/ui/tag';

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

const dateParts = (iso: string | null) =>
  iso ? { year: iso.slice(0, 4), month: String(Number(iso.slice(5, 7))), day: String(Number(iso.slice(8, 10))) } : undefined;
const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

function SortHeader({
  filters,
  sort,
  children,
  className = '',
}: {
  filters: SummaryFilters;
  sort: SummarySort;
  children: React.ReactNode;
  className?: string;
}) {
  const isCurrent = filters.sort === sort;
  const nextDir =
    isCurrent && filters.dir === 'asc' ? 'desc' : isCurrent ? 'asc' : sort === 'score' || sort === 'fieldwork' ? 'desc' : 'asc';
  const query = summaryQueryString({ ...filters, sort, dir: nextDir });
  return (
    <th
      scope="col"
      aria-sort={isCurrent ? (filters.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={`border-b-2 border-govuk-text py-2 pr-3 text-left align-bottom print:pr-1 ${className}`}
    >
      <Link href={`/summary?${query}`} data-testid={`sort-${sort}`}>
        {children}
        <span className="sr-only">, sort {nextDir === 'asc' ? 'ascending' : 'descending'}</span>
      </Link>
      {isCurrent ? <span aria-hidden="true"> {filters.dir === 'asc' ? '▲' : '▼'}</span> : null}
    </th>
  );
}

/** Service and overall rating stay in view while the standards scroll sideways; ordinary cells on paper. */
const STICKY = 'sticky bg-white print:static';
const PRINT_CELL = 'print:static print:py-0.5 print:pr-1';

/**
 * A4 landscape with narrow margins; the site's header, footer and the filter form are not
 * printed (.no-print), the filters in force and the date are (above the table).
 */
const PRINT_CSS = '@media print { @page { size: A4 landscape; margin: 8mm; } body { font-size: 9pt; } }';

export default async function SummaryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = toParams(await searchParams);
  const user = await requireUser(`/summary?${params.toString()}`);
  if (!(await canViewSummary(prisma, user))) notFound();
  const { filters, errors } = parseSummaryFilters(params);
  const [data, options] = await Promise.all([loadSummary(prisma, user, filters), listSummaryFilterOptions(prisma, user)]);
  const { rows, figures } = data;
  const standardIds = summaryStandardIds(filters.framework);
  const titles = standardTitles(filters.framework);
  const printedAt = new Date();
  const frameworks = (['2018', '2021'] as const).filter((v) => figures.ratingCounts.some((c) => c.framework === v));
  const tableIds = SUMMARY_TABLE_IDS.filter((id) => id !== 'filters');
  const tables = buildSummaryTables({ ...data, filters });
  const errorItems = Object.entries(errors).map(([field, message]) => ({
    href: ['from', 'to', 'publishedFrom', 'publishedTo'].includes(field)
      ? `#${field}-day`
      : field === 'sort'
        ? '#summary-filters'
        : field === 'localAuthority'
          ? '#authority'
          : `#${field}`,
    message: message,
  }));
  // A value from a shared link that is no longer among the options stays chosen rather than vanish.
  const choices = (all: string, chosen: string | null, values: string[]) => [
    { value: '', label: all },
    ...(chosen && !values.includes(chosen) ? [chosen] : []).concat(values).map((v) => ({ value: v, label: v })),
  ];

  return (
    <>
      {/* A4 landscape, and the summary fits its width: every column on paper (issue 23). */}
      <style>{PRINT_CSS}</style>
      <p className="no-print mb-2">
        <Link href="/">Back to your inspections</Link>
      </p>
      <ErrorSummary errors={errorItems} />
      <h1 className="mb-2 text-4xl font-bold print:text-xl">Summary across inspections</h1>
      <dl className="mb-3 hidden text-[8pt] print:flex print:flex-wrap print:gap-x-4" data-testid="summary-print-filters">
        {filterRows(filters, figures, printedAt)
          .filter(([name]) => !['Generated', 'Legend', 'Caveat'].includes(name))
          .map(([name, value]) => (
            <div key={name} className="flex gap-1">
              <dt className="font-bold">{name}:</dt>
              <dd>{value}</dd>
            </div>
          ))}
        <div className="flex gap-1">
          <dt className="font-bold">Printed:</dt>
          <dd>{formatDate(printedAt)}</dd>
        </div>
      </dl>
      <p className="mb-6 max-w-3xl text-govuk-secondary print:hidden">
        {user.isAdmin ? 'As an admin you see every inspection.' : 'The inspections you lead or manage.'} National figures count only
        published inspections, whose ratings are final; the others are shown with their provisional ratings and are marked so.
      </p>

      <form
        id="summary-filters"
        method="get"
        action="/summary"
        className="no-print mb-8 border-b border-govuk-border pb-6"
        data-testid="summary-filters"
        noValidate
      >
        <h2 className="mb-4 text-2xl font-bold">Filter inspections</h2>
        <div className="flex flex-wrap gap-x-8">
          <Select
            id="framework"
            name="framework"
            label="Standards"
            defaultValue={filters.framework ?? ''}
            error={errors.framework}
            options={[
              { value: '', label: 'All standards' },
              { value: '2018', label: FRAMEWORK_LABELS['2018'] },
              { value: '2021', label: FRAMEWORK_LABELS['2021'] },
            ]}
          />
          <Select
            id="region"
            name="region"
            label="Region"
            defaultValue={filters.region ?? ''}
            error={errors.region}
            options={choices('All regions', filters.region, options.regions)}
          />
          <Select
            id="authority"
            name="authority"
            label="Local authority"
            defaultValue={filters.localAuthority ?? ''}
            error={errors.localAuthority}
            options={choices('All local authorities', filters.localAuthority, options.localAuthorities)}
          />
          <Select
            id="service"
            name="service"
            label="Service"
            defaultValue={filters.service ?? ''}
            error={errors.service}
            options={choices('All services', filters.service, options.services)}
          />
          <Select
            id="overall"
            name="overall"
            label="Overall rating"
            defaultValue={filters.overall ?? ''}
            error={errors.overall}
            options={[
              { value: '', label: 'Any overall rating' },
              ...OVERALL_FILTERS.map((o) => ({ value: o, label: o === 'not_rated' ? 'Not yet rated' : RATING_LABELS[o] })),
            ]}
          />
          <Select
            id="status"
            name="status"
            label="Status"
            defaultValue={filters.status ?? ''}
            error={errors.status}
            options={[{ value: '', label: 'All statuses' }, ...INSPECTION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]}
          />
        </div>
        <div className="flex flex-wrap gap-x-8">
          <DateInput
            id="from"
            name="from"
            legend="Fieldwork starting from"
            hint="For example, 1 4 2026"
            error={errors.from}
            defaultValue={dateParts(filters.from)}
          />
          <DateInput
            id="to"
            name="to"
            legend="Fieldwork starting to"
            hint="For example, 31 3 2027"
            error={errors.to}
            defaultValue={dateParts(filters.to)}
          />
        </div>
        <div className="flex flex-wrap gap-x-8">
          <DateInput
            id="publishedFrom"
            name="publishedFrom"
            legend="Published from"
            hint="For example, 1 9 2021. Inspections without a publication date are then left out."
            error={errors.publishedFrom}
            defaultValue={dateParts(filters.publishedFrom)}
          />
          <DateInput
            id="publishedTo"
            name="publishedTo"
            legend="Published to"
            hint="For example, 31 12 2021"
            error={errors.publishedTo}
            defaultValue={dateParts(filters.publishedTo)}
          />
        </div>
        <input type="hidden" name="sort" value={filters.sort} />
        <input type="hidden" name="dir" value={filters.dir} />
        <div className="flex flex-wrap items-center gap-6">
          <Button>Apply filters</Button>
          <Link href="/summary">Clear filters</Link>
        </div>
      </form>

      <h2 className="mb-2 text-2xl font-bold print:hidden">Inspections</h2>
      <p className="mb-4 print:mb-1 print:text-[8pt]" data-testid="summary-counts">
        {rows.length === 1 ? '1 inspection' : `${rows.length} inspections`} shown, {figures.final} with final ratings (published). Sorted by{' '}
        {SORT_LABELS[filters.sort].toLowerCase()}, {filters.dir === 'asc' ? 'ascending' : 'descending'}.
      </p>
      {rows.length === 0 ? (
        <p className="mb-8" data-testid="summary-empty">
          No inspections match these filters.
        </p>
      ) : (
        // `relative`: the sort links' screen-reader text is absolutely positioned, and must stay inside the scroll area
        // rather than widen the page (issue 23: 918 px of sideways scroll at 1366 px).
        <div
          className="relative mb-4 overflow-x-auto print:overflow-visible"
          tabIndex={0}
          role="region"
          aria-label="Inspections table, scrolls sideways"
          data-testid="summary-table-scroll"
        >
          <table className="w-full border-collapse text-base print:text-[6.5pt] print:leading-tight" data-testid="summary-table">
            <caption className="sr-only">
              Every inspection shown, with each standard’s rating, the score, the overall rating and the status
            </caption>
            <thead>
              <tr>
                <SortHeader filters={filters} sort="service" className={`left-0 z-20 ${STICKY}`}>
                  Service
                </SortHeader>
                <SortHeader filters={filters} sort="region">
                  Region
                </SortHeader>
                <SortHeader filters={filters} sort="fieldwork">
                  Fieldwork
                </SortHeader>
                <SortHeader filters={filters} sort="framework">
                  Standards
                </SortHeader>
                {standardIds.map((id) => (
                  <th
                    key={id}
                    scope="col"
                    className="border-b-2 border-govuk-text py-2 pr-3 text-left align-bottom print:pr-1"
                    data-testid={`header-${id}`}
                  >
                    <abbr title={`${id} ${titles[id] ?? ''}`.trim()}>{id}</abbr>
                  </th>
                ))}
                <SortHeader filters={filters} sort="score" className="text-right">
                  Score
                </SortHeader>
                <SortHeader filters={filters} sort="overall" className={`right-0 z-20 border-l pl-2 ${STICKY}`}>
                  Overall rating
                </SortHeader>
                <SortHeader filters={filters} sort="status">
                  Status
                </SortHeader>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="summary-row" data-inspection-id={row.id}>
                  <th
                    scope="row"
                    className={`sticky left-0 z-10 border-b border-govuk-border bg-white py-2 pr-3 text-left align-top font-normal ${PRINT_CELL}`}
                  >
                    <Link href={`/inspections/${row.id}`}>{row.service}</Link>
                    <Link href={`/inspections/${row.id}/service`} className="no-print block text-sm" data-testid="service-over-time">
                      Over time<span className="sr-only">: every inspection of {row.service}</span>
                    </Link>
                  </th>
                  <td className="border-b border-govuk-border py-2 pr-3 align-top">{row.region}</td>
                  <td className="border-b border-govuk-border py-2 pr-3 align-top whitespace-nowrap">
                    {formatDate(asDate(row.fieldworkStart))} to {formatDate(asDate(row.fieldworkEnd))}
                  </td>
                  <td className="border-b border-govuk-border py-2 pr-3 align-top">{row.framework}</td>
                  {standardIds.map((id) => {
                    const text = standardCellText(Object.hasOwn(row.standards, id) ? row.standards[id] : undefined);
                    const isJudgement = text.endsWith('*');
                    return (
                      <td key={id} className="border-b border-govuk-border py-2 pr-3 align-top" data-testid={`cell-${id}`}>
                        {text === 'n/a' ? (
                          <span className="text-govuk-secondary">n/a</span>
                        ) : text === '' ? (
                          <span className="text-govuk-secondary">–</span>
                        ) : isJudgement ? (
                          <>
                            {text.slice(0, -1)}
                            <span aria-hidden="true">*</span>
                            <span className="sr-only"> (professional judgement)</span>
                          </>
                        ) : (
                          text
                        )}
                      </td>
                    );
                  })}
                  <td className="border-b border-govuk-border py-2 pr-3 text-right align-top tabular-nums" data-testid="cell-score">
                    {row.score ?? '–'}
                  </td>
                  <td
                    className={`sticky right-0 z-10 border-b border-l border-govuk-border bg-white py-2 pr-3 pl-2 align-top ${PRINT_CELL}`}
                    data-testid="cell-overall"
                  >
                    {row.overall ? standardCellText({ rating: row.overall, isProfessionalJudgement: false }) : '–'}
                  </td>
                  <td className="border-b border-govuk-border py-2 pr-3 align-top" data-testid="cell-status">
                    {STATUS_LABELS[row.status]}
                    {row.publishedOn ? <span className="block whitespace-nowrap">{formatDate(asDate(row.publishedOn))}</span> : null}
                    {row.isFinal ? null : (
                      <>
                        {' '}
                        <Tag colour="grey">Provisional</Tag>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mb-8 text-base print:text-[7pt]" data-testid="summary-legend">
        <p>{SUMMARY_LEGEND}</p>
        <p className="mt-1">{SUB_SAMPLE_CAVEAT}</p>
      </div>

      <h2 className="mb-2 text-2xl font-bold">National figures</h2>
      {figures.final === 0 ? (
        <p className="mb-8" data-testid="no-final">
          None of the inspections shown is published yet, so there are no final ratings to count.
        </p>
      ) : (
        <>
          <p className="mb-6">
            From the {figures.final} published {figures.final === 1 ? 'inspection' : 'inspections'} shown. The 2018 and 2021 standards are
            counted separately.
          </p>
          {frameworks.map((framework) => (
            <section key={framework} aria-labelledby={`national-${framework}`}>
              <h3 id={`national-${framework}`} className="mb-4 text-xl font-bold">
                {FRAMEWORK_LABELS[framework]}
              </h3>
              <RatingCountsChart framework={framework} rows={figures.ratingCounts.filter((c) => c.framework === framework)} />
              <KeyQuestionSpreadChart framework={framework} rows={figures.keyQuestions.filter((c) => c.framework === framework)} />
              <ChangeChart framework={framework} rows={figures.changes.filter((c) => c.framework === framework)} />
            </section>
          ))}
        </>
      )}

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
            ...tableIds.map((id) => ({
              id: `summary-csv-${id}`,
              href: `/summary/export?${summaryQueryString(filters, { format: 'csv', table: id })}`,
              label: tables.find((t) => t.id === id)!.title,
              format: 'CSV',
              description:
                id === 'inspections'
                  ? 'One row per inspection shown, in this order.'
                  : id === 'inspection-key-questions'
                    ? 'One row per inspection shown and key question, with the national median and range of the published inspections shown.'
                    : 'Counted over the published inspections shown.',
            })),
          ]}
        />
      </div>
    </>
  );
}
