import Link from 'next/link';
import { STATUS_LABELS, formatDate } from '@/lib/format/labels';
import { summaryQueryString, type SummaryFilters, type SummarySort } from '@/lib/summary/filters';
import { summaryStandardIds, type SummaryRow } from '@/lib/summary/summary';
import { fieldworkText, standardCellText, standardTitles } from '@/lib/summary/summary-tables';
import { Tag } from '@/components/ui/tag';

const HEAD = 'border-b-2 border-govuk-text py-2 pr-3 text-left align-bottom print:pr-1';
const CELL = 'border-b border-govuk-border py-2 pr-3 align-top';
/** Service and overall rating stay in view while the standards scroll sideways; ordinary cells on paper. */
const STICKY = 'sticky bg-white print:static';
const PRINT_CELL = 'print:static print:py-0.5 print:pr-1';

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
      className={`${HEAD} ${className}`}
    >
      <Link href={`/summary?${query}`} data-testid={`sort-${sort}`}>
        {children}
        <span className="sr-only">, sort {nextDir === 'asc' ? 'ascending' : 'descending'}</span>
      </Link>
      {isCurrent ? <span aria-hidden="true"> {filters.dir === 'asc' ? '▲' : '▼'}</span> : null}
    </th>
  );
}

/** A standard's rating: "–" when not yet rated, "n/a" outside the inspection's standards, `*` read out as professional judgement. */
function StandardCell({ text }: { text: string }) {
  if (text === 'n/a' || text === '') return <span className="text-govuk-secondary">{text || '–'}</span>;
  if (!text.endsWith('*')) return <>{text}</>;
  return (
    <>
      {text.slice(0, -1)}
      <span aria-hidden="true">*</span>
      <span className="sr-only"> (professional judgement)</span>
    </>
  );
}

function InspectionRow({ row, standardIds }: { row: SummaryRow; standardIds: string[] }) {
  return (
    <tr data-testid="summary-row" data-inspection-id={row.id}>
      <th scope="row" className={`sticky left-0 z-10 bg-white text-left font-normal ${CELL} ${PRINT_CELL}`}>
        <Link href={`/inspections/${row.id}`}>{row.service}</Link>
        <Link href={`/inspections/${row.id}/service`} className="no-print block text-sm" data-testid="service-over-time">
          Over time<span className="sr-only">: every inspection of {row.service}</span>
        </Link>
      </th>
      <td className={CELL}>{row.region}</td>
      <td className={`${CELL} whitespace-nowrap`} data-testid="cell-fieldwork">
        {fieldworkText(row)}
      </td>
      <td className={CELL}>{row.framework}</td>
      {standardIds.map((id) => (
        <td key={id} className={CELL} data-testid={`cell-${id}`}>
          <StandardCell text={standardCellText(Object.hasOwn(row.standards, id) ? row.standards[id] : undefined)} />
        </td>
      ))}
      <td className={`${CELL} text-right tabular-nums`} data-testid="cell-score">
        {row.score ?? '–'}
      </td>
      <td className={`sticky right-0 z-10 border-l bg-white pl-2 ${CELL} ${PRINT_CELL}`} data-testid="cell-overall">
        {row.overall ? standardCellText({ rating: row.overall, isProfessionalJudgement: false }) : '–'}
      </td>
      <td className={CELL} data-testid="cell-status">
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
  );
}

/**
 * Every inspection shown, one row each: the service and the overall rating stay in view while the
 * standards scroll sideways (each heading an abbreviation with the standard's title), and every
 * column is printed on A4 landscape (issue 23).
 */
export function SummaryTable({ rows, filters }: { rows: SummaryRow[]; filters: SummaryFilters }) {
  const standardIds = summaryStandardIds(filters.framework);
  const titles = standardTitles(filters.framework);
  return (
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
              <th key={id} scope="col" className={HEAD} data-testid={`header-${id}`}>
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
            <InspectionRow key={row.id} row={row} standardIds={standardIds} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
