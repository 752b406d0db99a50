/**
 * The summary page's filters and sort order, read from the URL so that a view can be shared:
 * `?framework=2021&from=2026-01-01&to=2026-12-31&region=North+West&status=published&sort=score&dir=desc`.
 * The page's GET form sends the dates as GOV.UK date inputs (`from[day]`, `from[month]`,
 * `from[year]`); both spellings are read and the canonical one is written back.
 *
 * Pure: no I/O. A value that does not parse is reported and ignored (the filter is off), so
 * bad input never narrows or widens the view silently.
 */
import { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import { FRAMEWORK_VERSIONS, type FrameworkVersion } from '@/lib/framework/types';
import type { InspectionStatus } from '@/lib/auth/permissions';
import { hasUnstorableCharacter } from '@/lib/validation/safe-input';

export const INSPECTION_STATUSES = ['set_up', 'fieldwork', 'panel', 'published'] as const satisfies readonly InspectionStatus[];
const SUMMARY_SORTS = ['service', 'region', 'fieldwork', 'framework', 'score', 'overall', 'status'] as const;
export type SummarySort = (typeof SUMMARY_SORTS)[number];
type SortDirection = 'asc' | 'desc';

export interface SummaryFilters {
  framework: FrameworkVersion | null;
  /** Fieldwork starting on or after this date (YYYY-MM-DD). */
  from: string | null;
  /** Fieldwork starting on or before this date (YYYY-MM-DD). */
  to: string | null;
  region: string | null;
  status: InspectionStatus | null;
  sort: SummarySort;
  dir: SortDirection;
}

type SummaryFilterField = 'framework' | 'from' | 'to' | 'region' | 'status' | 'sort';

export const DEFAULT_SUMMARY_FILTERS: SummaryFilters = {
  framework: null,
  from: null,
  to: null,
  region: null,
  status: null,
  sort: 'fieldwork',
  dir: 'desc',
};

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  });

const ZFramework = z.enum(FRAMEWORK_VERSIONS);
const ZStatus = z.enum(INSPECTION_STATUSES);
const ZSort = z.enum(SUMMARY_SORTS);
// A NUL character cannot reach PostgreSQL's text comparison: refused like any other bad region.
const ZRegion = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((text) => !hasUnstorableCharacter(text));

type Params = Pick<URLSearchParams, 'get'>;

/** A date from `name=YYYY-MM-DD` or from the date input's `name[day]`, `name[month]`, `name[year]`. */
function readDate(params: Params, name: string): { value: string | null; isInvalid: boolean } {
  const day = params.get(`${name}[day]`)?.trim() ?? '';
  const month = params.get(`${name}[month]`)?.trim() ?? '';
  const year = params.get(`${name}[year]`)?.trim() ?? '';
  let text: string;
  if (day || month || year) {
    if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { value: null, isInvalid: true };
    text = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  } else {
    text = params.get(name)?.trim() ?? '';
    if (!text) return { value: null, isInvalid: false };
  }
  return ZIsoDate.safeParse(text).success ? { value: text, isInvalid: false } : { value: null, isInvalid: true };
}

const MESSAGES: Record<SummaryFilterField, string> = {
  framework: 'Choose the 2018 or the 2021 standards',
  from: 'Enter the “from” date as a real date, for example 27 3 2026',
  to: 'Enter the “to” date as a real date, for example 27 3 2026',
  region: 'Enter a region of 100 characters or fewer',
  status: 'Choose a status from the list',
  sort: 'Choose a column to sort by',
};

/**
 * The filters in `params`, and an error per field that did not parse (that filter is then off).
 * A "from" date after the "to" date is an error on "to", and both dates are then ignored.
 */
export function parseSummaryFilters(params: Params): { filters: SummaryFilters; errors: Partial<Record<SummaryFilterField, string>> } {
  const errors: Partial<Record<SummaryFilterField, string>> = {};
  const optional = <T>(field: SummaryFilterField, schema: z.ZodType<T>, raw: string | null): T | null => {
    if (raw === null || raw.trim() === '') return null;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    errors[field] = MESSAGES[field];
    return null;
  };
  const framework = optional('framework', ZFramework, params.get('framework'));
  const region = optional('region', ZRegion, params.get('region'));
  const status = optional('status', ZStatus, params.get('status'));
  const sort = optional('sort', ZSort, params.get('sort')) ?? DEFAULT_SUMMARY_FILTERS.sort;
  const dir: SortDirection =
    params.get('dir') === 'asc' ? 'asc' : params.get('dir') === 'desc' ? 'desc' : sort === 'fieldwork' || sort === 'score' ? 'desc' : 'asc';
  let from = readDate(params, 'from');
  let to = readDate(params, 'to');
  if (from.isInvalid) errors.from = MESSAGES.from;
  if (to.isInvalid) errors.to = MESSAGES.to;
  if (from.value && to.value && from.value > to.value) {
    errors.to = 'The “to” date must be the same as or after the “from” date';
    from = { value: null, isInvalid: false };
    to = { value: null, isInvalid: false };
  }
  return { filters: { framework, from: from.value, to: to.value, region, status, sort, dir }, errors };
}

/** The canonical query string of the filters (defaults left out), without the leading `?`. */
export function summaryQueryString(filters: SummaryFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.framework) params.set('framework', filters.framework);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.region) params.set('region', filters.region);
  if (filters.status) params.set('status', filters.status);
  if (filters.sort !== DEFAULT_SUMMARY_FILTERS.sort || filters.dir !== DEFAULT_SUMMARY_FILTERS.dir) {
    params.set('sort', filters.sort);
    params.set('dir', filters.dir);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** The filters as a Prisma where clause, to be combined with (never instead of) the actor's scope. */
export function summaryFilterWhere(filters: SummaryFilters): Prisma.InspectionWhereInput {
  const where: Prisma.InspectionWhereInput[] = [];
  if (filters.framework) where.push({ framework: filters.framework === '2018' ? 'v2018' : 'v2021' });
  if (filters.status) where.push({ status: filters.status });
  if (filters.region) where.push({ service: { region: filters.region } });
  if (filters.from) where.push({ fieldworkStart: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  if (filters.to) where.push({ fieldworkStart: { lte: new Date(`${filters.to}T00:00:00Z`) } });
  return where.length ? { AND: where } : {};
}
