/**
 * The summary page's filters and sort order, read from the URL so that a view can be shared:
 * `?framework=2021&from=2026-01-01&to=2026-12-31&region=North+West&status=published&sort=score&dir=desc`,
 * and `service=`, `authority=` (local authority), `overall=` (a rating or `not_rated`),
 * `publishedFrom=` / `publishedTo=` (the publication date).
 * The page's GET form sends the dates as GOV.UK date inputs (`from[day]`, `from[month]`,
 * `from[year]`); both spellings are read and the canonical one is written back.
 *
 * Pure: no I/O. A value that does not parse is reported and ignored (the filter is off), so
 * bad input never narrows or widens the view silently.
 */
import { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import { FRAMEWORK_VERSIONS, RATINGS, type FrameworkVersion, type Rating } from '@/lib/framework/types';
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
  /** The service's name (names are unique). */
  service: string | null;
  localAuthority: string | null;
  /** The overall rating as computed now (provisional until published), or `not_rated`. */
  overall: OverallFilter | null;
  /** Published on or after this date (YYYY-MM-DD); an inspection without a publication date is then left out. */
  publishedFrom: string | null;
  /** Published on or before this date (YYYY-MM-DD). */
  publishedTo: string | null;
  status: InspectionStatus | null;
  sort: SummarySort;
  dir: SortDirection;
}

export const OVERALL_FILTERS = [...RATINGS, 'not_rated'] as const;
type OverallFilter = (typeof OVERALL_FILTERS)[number];

type SummaryFilterField =
  'framework' | 'from' | 'to' | 'region' | 'service' | 'localAuthority' | 'overall' | 'publishedFrom' | 'publishedTo' | 'status' | 'sort';

export const DEFAULT_SUMMARY_FILTERS: SummaryFilters = {
  framework: null,
  from: null,
  to: null,
  region: null,
  service: null,
  localAuthority: null,
  overall: null,
  publishedFrom: null,
  publishedTo: null,
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
const ZName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((text) => !hasUnstorableCharacter(text));
const ZRegion = ZName.refine((text) => text.length <= 100);
const ZOverall = z.enum(OVERALL_FILTERS);

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
  service: 'Choose a service from the list',
  localAuthority: 'Choose a local authority from the list',
  overall: 'Choose an overall rating from the list',
  publishedFrom: 'Enter the “published from” date as a real date, for example 1 9 2021',
  publishedTo: 'Enter the “published to” date as a real date, for example 31 12 2021',
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
  const service = optional('service', ZName, params.get('service'));
  const localAuthority = optional('localAuthority', ZName, params.get('authority'));
  const overall = optional('overall', ZOverall, params.get('overall'));
  const status = optional('status', ZStatus, params.get('status'));
  const sort = optional('sort', ZSort, params.get('sort')) ?? DEFAULT_SUMMARY_FILTERS.sort;
  const dir: SortDirection =
    params.get('dir') === 'asc' ? 'asc' : params.get('dir') === 'desc' ? 'desc' : sort === 'fieldwork' || sort === 'score' ? 'desc' : 'asc';
  const range = (fromName: 'from' | 'publishedFrom', toName: 'to' | 'publishedTo', order: string) => {
    let start = readDate(params, fromName);
    let end = readDate(params, toName);
    if (start.isInvalid) errors[fromName] = MESSAGES[fromName];
    if (end.isInvalid) errors[toName] = MESSAGES[toName];
    if (start.value && end.value && start.value > end.value) {
      errors[toName] = order;
      start = { value: null, isInvalid: false };
      end = { value: null, isInvalid: false };
    }
    return [start.value, end.value] as const;
  };
  const [from, to] = range('from', 'to', 'The “to” date must be the same as or after the “from” date');
  const [publishedFrom, publishedTo] = range(
    'publishedFrom',
    'publishedTo',
    'The “published to” date must be the same as or after the “published from” date',
  );
  return {
    filters: { framework, from, to, region, service, localAuthority, overall, publishedFrom, publishedTo, status, sort, dir },
    errors,
  };
}

/** The canonical query string of the filters (defaults left out), without the leading `?`. */
export function summaryQueryString(filters: SummaryFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.framework) params.set('framework', filters.framework);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.region) params.set('region', filters.region);
  if (filters.service) params.set('service', filters.service);
  if (filters.localAuthority) params.set('authority', filters.localAuthority);
  if (filters.overall) params.set('overall', filters.overall);
  if (filters.publishedFrom) params.set('publishedFrom', filters.publishedFrom);
  if (filters.publishedTo) params.set('publishedTo', filters.publishedTo);
  if (filters.status) params.set('status', filters.status);
  if (filters.sort !== DEFAULT_SUMMARY_FILTERS.sort || filters.dir !== DEFAULT_SUMMARY_FILTERS.dir) {
    params.set('sort', filters.sort);
    params.set('dir', filters.dir);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/**
 * The filters that the database can apply, as a Prisma where clause, to be combined with (never
 * instead of) the actor's scope. The overall rating is computed, not stored: `matchesSummaryFilters`
 * applies it to the computed rows.
 */
export function summaryFilterWhere(filters: SummaryFilters): Prisma.InspectionWhereInput {
  const where: Prisma.InspectionWhereInput[] = [];
  if (filters.framework) where.push({ framework: filters.framework === '2018' ? 'v2018' : 'v2021' });
  if (filters.status) where.push({ status: filters.status });
  if (filters.region) where.push({ service: { region: filters.region } });
  if (filters.service) where.push({ service: { name: filters.service } });
  if (filters.localAuthority) where.push({ service: { localAuthority: filters.localAuthority } });
  if (filters.publishedFrom) where.push({ publishedOn: { gte: new Date(`${filters.publishedFrom}T00:00:00Z`) } });
  if (filters.publishedTo) where.push({ publishedOn: { lte: new Date(`${filters.publishedTo}T00:00:00Z`) } });
  if (filters.from) where.push({ fieldworkStart: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  if (filters.to) where.push({ fieldworkStart: { lte: new Date(`${filters.to}T00:00:00Z`) } });
  return where.length ? { AND: where } : {};
}

/** Whether a computed row passes the filters the database could not apply (the overall rating). */
export function matchesSummaryFilters(row: { overall: Rating | null }, filters: Pick<SummaryFilters, 'overall'>): boolean {
  if (!filters.overall) return true;
  return filters.overall === 'not_rated' ? row.overall === null : row.overall === filters.overall;
}
