import Link from 'next/link';
import { RATING_LABELS, STATUS_LABELS } from '@/lib/format/labels';
import { INSPECTION_STATUSES, OVERALL_FILTERS, type SummaryFilters } from '@/lib/summary/filters';
import { FRAMEWORK_LABELS } from '@/lib/summary/summary-tables';
import { DateInput } from '@/components/ui/date-input';
import { Select } from '@/components/ui/select';
import { Button } from '@/components/ui/button';

type FilterErrors = Partial<Record<string, string>>;

interface FilterOptions {
  regions: string[];
  localAuthorities: string[];
  services: string[];
}

/** The date filters, as pairs: each a "from" and a "to" GOV.UK date input side by side. */
const DATE_RANGES = [
  {
    from: { name: 'from', legend: 'Fieldwork starting from', hint: 'For example, 1 4 2026' },
    to: { name: 'to', legend: 'Fieldwork starting to', hint: 'For example, 31 3 2027' },
  },
  {
    from: {
      name: 'publishedFrom',
      legend: 'Published from',
      hint: 'For example, 1 9 2021. Inspections without a publication date are then left out.',
    },
    to: { name: 'publishedTo', legend: 'Published to', hint: 'For example, 31 12 2021' },
  },
] as const;

type DateFilter = (typeof DATE_RANGES)[number]['from' | 'to']['name'];

/** The error summary's link for a filter's error: the date's day box, the form for the sort order, or the field. */
export function filterErrorHref(field: string): string {
  if (DATE_RANGES.some((range) => range.from.name === field || range.to.name === field)) return `#${field}-day`;
  if (field === 'sort') return '#summary-filters';
  if (field === 'localAuthority') return '#authority';
  return `#${field}`;
}

const dateParts = (iso: string | null) =>
  iso ? { year: iso.slice(0, 4), month: String(Number(iso.slice(5, 7))), day: String(Number(iso.slice(8, 10))) } : undefined;

/** A value from a shared link that is no longer among the options stays chosen rather than vanish. */
const choices = (all: string, chosen: string | null, values: string[]) => [
  { value: '', label: all },
  ...(chosen && !values.includes(chosen) ? [chosen] : []).concat(values).map((v) => ({ value: v, label: v })),
];

/**
 * The summary's filters as a GET form (the URL is the view, so it can be shared): the selects,
 * then the fieldwork and publication date ranges. Not printed: the filters in force are printed
 * above the table instead (SummaryPrintFilters).
 */
export function SummaryFilterForm({ filters, errors, options }: { filters: SummaryFilters; errors: FilterErrors; options: FilterOptions }) {
  const selects = [
    {
      id: 'framework',
      label: 'Standards',
      value: filters.framework,
      choices: [
        { value: '', label: 'All standards' },
        { value: '2018', label: FRAMEWORK_LABELS['2018'] },
        { value: '2021', label: FRAMEWORK_LABELS['2021'] },
      ],
    },
    { id: 'region', label: 'Region', value: filters.region, choices: choices('All regions', filters.region, options.regions) },
    {
      id: 'authority',
      errorKey: 'localAuthority',
      label: 'Local authority',
      value: filters.localAuthority,
      choices: choices('All local authorities', filters.localAuthority, options.localAuthorities),
    },
    { id: 'service', label: 'Service', value: filters.service, choices: choices('All services', filters.service, options.services) },
    {
      id: 'overall',
      label: 'Overall rating',
      value: filters.overall,
      choices: [
        { value: '', label: 'Any overall rating' },
        ...OVERALL_FILTERS.map((o) => ({ value: o, label: o === 'not_rated' ? 'Not yet rated' : RATING_LABELS[o] })),
      ],
    },
    {
      id: 'status',
      label: 'Status',
      value: filters.status,
      choices: [{ value: '', label: 'All statuses' }, ...INSPECTION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))],
    },
  ];
  const dateInput = (date: { name: DateFilter; legend: string; hint: string }) => (
    <DateInput
      key={date.name}
      id={date.name}
      name={date.name}
      legend={date.legend}
      hint={date.hint}
      error={errors[date.name]}
      defaultValue={dateParts(filters[date.name])}
    />
  );
  return (
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
        {selects.map((select) => (
          <Select
            key={select.id}
            id={select.id}
            name={select.id}
            label={select.label}
            defaultValue={select.value ?? ''}
            error={errors[select.errorKey ?? select.id]}
            options={select.choices}
          />
        ))}
      </div>
      {DATE_RANGES.map((range) => (
        <div key={range.from.name} className="flex flex-wrap gap-x-8">
          {dateInput(range.from)}
          {dateInput(range.to)}
        </div>
      ))}
      <input type="hidden" name="sort" value={filters.sort} />
      <input type="hidden" name="dir" value={filters.dir} />
      <div className="flex flex-wrap items-center gap-6">
        <Button>Apply filters</Button>
        <Link href="/summary">Clear filters</Link>
      </div>
    </form>
  );
}

/** The filters in force and the date, printed above the table instead of the form (A4: issue 23). */
export function SummaryPrintFilters({ rows, printedAt }: { rows: [string, string][]; printedAt: string }) {
  return (
    <dl className="mb-3 hidden text-[8pt] print:flex print:flex-wrap print:gap-x-4" data-testid="summary-print-filters">
      {[...rows, ['Printed', printedAt] as const].map(([name, value]) => (
        <div key={name} className="flex gap-1">
          <dt className="font-bold">{name}:</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
