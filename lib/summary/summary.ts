/**
 * The managers' view across inspections: one compact row per inspection, and the national
 * figures built from them — per standard how many inspections have each rating, per key
 * question the spread of percentages (median and range), and per standard the change against
 * the previous inspection. Pure: the rows come from the same rating engine as the panel
 * (lib/export/all-inspections.ts → computeInspection).
 *
 * Only inspections whose ratings are final count in the national figures. An inspection's
 * ratings are final once it is published: until then the ratings panel may still change them
 * (the status moves fieldwork → ratings panel → published, components/setup/status-form.tsx).
 */
import { getFramework, listCaseMarkedStandards, listStandards } from '@/lib/framework';
import type { FrameworkVersion, Rating } from '@/lib/framework/types';
import { RATINGS } from '@/lib/framework/types';
import { compareRatings } from '@/lib/rating/bands';
import type { AllInspectionsRow } from '@/lib/export/all-inspections';
import type { InspectionStatus } from '@/lib/auth/permissions';
import type { SummaryFilters } from './filters';
import { at } from '@/lib/must';

export interface SummaryStandardCell {
  rating: Rating | null;
  /** The ratings panel's professional judgement (printed with `*`). */
  isProfessionalJudgement: boolean;
}

export interface SummaryRow {
  id: string;
  service: string;
  localAuthority: string;
  region: string;
  framework: FrameworkVersion;
  fieldworkStart: string;
  fieldworkEnd: string;
  /** The report gives only the month of its fieldwork: show the month, never the placeholder days. */
  isFieldworkMonthOnly: boolean;
  /** YYYY-MM-DD, where recorded. */
  publishedOn: string | null;
  status: InspectionStatus;
  /** Published: the panel has finished and the ratings count in national figures. */
  isFinal: boolean;
  /** By standard id of the inspection's framework (ids come from the framework, never from user data). */
  standards: Record<string, SummaryStandardCell>;
  score: number | null;
  maxScore: number;
  overall: Rating | null;
  /** Case-marked key questions' % yes by key question id (null: no relevant case). */
  keyQuestionPct: Record<string, number | null>;
  /** The previous inspection's rating of each standard, where recorded. */
  previousRatings: Record<string, Rating>;
}

const isFinalStatus = (status: InspectionStatus): boolean => status === 'published';

const isRating = (value: unknown): value is Rating => typeof value === 'string' && (RATINGS as readonly string[]).includes(value);

/** The compact row of an inspection, dropping everything the summary does not show. */
export function toSummaryRow(row: AllInspectionsRow): SummaryRow {
  const framework = getFramework(row.framework);
  const standards: Record<string, SummaryStandardCell> = {};
  const previousRatings: Record<string, Rating> = {};
  const keyQuestionPct: Record<string, number | null> = {};
  for (const standard of listStandards(framework)) {
    const result = row.result.standards[standard.id];
    standards[standard.id] = { rating: result?.rating ?? null, isProfessionalJudgement: result?.professionalJudgement ?? false };
    // Previous ratings are stored JSON: read only the framework's own ids, and only ratings.
    const previous = Object.hasOwn(row.previousRatings, standard.id) ? row.previousRatings[standard.id] : undefined;
    if (isRating(previous)) previousRatings[standard.id] = previous;
    if (standard.kind === 'case_marked') {
      for (const kq of standard.keyQuestions) keyQuestionPct[kq.id] = result?.keyQuestions[kq.id]?.pct ?? null;
    }
  }
  return {
    id: row.id,
    service: row.service,
    localAuthority: row.localAuthority,
    region: row.region,
    framework: row.framework,
    fieldworkStart: row.fieldworkStart,
    fieldworkEnd: row.fieldworkEnd,
    isFieldworkMonthOnly: row.isFieldworkMonthOnly,
    publishedOn: row.publishedOn,
    status: row.status,
    isFinal: isFinalStatus(row.status),
    standards,
    score: row.result.overall.score,
    maxScore: row.result.overall.maxScore,
    overall: row.result.overall.rating,
    keyQuestionPct,
    previousRatings,
  };
}

const STATUS_ORDER: Record<InspectionStatus, number> = { set_up: 0, fieldwork: 1, panel: 2, published: 3 };

/** Nulls last whichever the direction, so unrated inspections never hide the rated ones. */
function compareNullable<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number, dir: 1 | -1): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return dir * compare(a, b);
}

/** The rows in the order the filters ask for; ties by service name, then id, so the order is stable. */
export function sortSummaryRows(rows: readonly SummaryRow[], filters: Pick<SummaryFilters, 'sort' | 'dir'>): SummaryRow[] {
  const dir = filters.dir === 'asc' ? 1 : -1;
  const text = (a: string, b: string) => a.localeCompare(b, 'en-GB', { sensitivity: 'base', numeric: true });
  const byKey = (a: SummaryRow, b: SummaryRow): number => {
    switch (filters.sort) {
      case 'service':
        return dir * text(a.service, b.service);
      case 'region':
        return dir * text(a.region, b.region);
      case 'framework':
        return dir * text(a.framework, b.framework);
      case 'fieldwork':
        return dir * text(a.fieldworkStart, b.fieldworkStart);
      case 'status':
        return dir * (STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
      case 'score':
        return compareNullable(a.score, b.score, (x, y) => x - y, dir);
      case 'overall':
        return compareNullable(a.overall, b.overall, compareRatings, dir);
    }
  };
  return [...rows].sort((a, b) => byKey(a, b) || text(a.service, b.service) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type RatingCounts = Record<Rating, number> & { notRated: number };

export interface StandardRatingCounts {
  framework: FrameworkVersion;
  standardId: string;
  title: string;
  counts: RatingCounts;
  /** Final inspections of this framework (the bar's whole). */
  total: number;
}

export interface KeyQuestionSpread {
  framework: FrameworkVersion;
  standardId: string;
  keyQuestionId: string;
  text: string;
  /** Final inspections with a percentage for this key question. */
  n: number;
  min: number | null;
  median: number | null;
  max: number | null;
}

type Change = 'up' | 'same' | 'down';

export interface StandardChanges {
  framework: FrameworkVersion;
  standardId: string;
  title: string;
  up: number;
  same: number;
  down: number;
  /** Final inspections with no previous rating recorded, or no rating now. */
  notComparable: number;
}

interface SummaryFigures {
  /** How many inspections are shown, and how many of them are final (counted below). */
  shown: number;
  final: number;
  ratingCounts: StandardRatingCounts[];
  keyQuestions: KeyQuestionSpread[];
  changes: StandardChanges[];
}

/** The median of sorted numbers: the middle one, or the mean of the two middle ones (may end in .5). */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? at(sorted, mid) : (at(sorted, mid - 1) + at(sorted, mid)) / 2;
}

/** How a standard's rating moved since the previous inspection; null when either is missing. */
export function changeOf(previous: Rating | undefined, current: Rating | null): Change | null {
  if (!previous || !current) return null;
  const diff = compareRatings(current, previous);
  return diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
}

/**
 * The national figures over the FINAL rows only, per framework present among them (the 2018
 * and 2021 standards differ, so their figures are never pooled), in printed order.
 */
export function summaryFigures(rows: readonly SummaryRow[]): SummaryFigures {
  const final = rows.filter((r) => r.isFinal);
  const ratingCounts: StandardRatingCounts[] = [];
  const keyQuestions: KeyQuestionSpread[] = [];
  const changes: StandardChanges[] = [];
  for (const version of ['2018', '2021'] as const) {
    const ofVersion = final.filter((r) => r.framework === version);
    if (ofVersion.length === 0) continue;
    const framework = getFramework(version);
    for (const standard of listStandards(framework)) {
      const counts: RatingCounts = { outstanding: 0, good: 0, requires_improvement: 0, inadequate: 0, notRated: 0 };
      const change = { up: 0, same: 0, down: 0, notComparable: 0 };
      for (const row of ofVersion) {
        const rating = row.standards[standard.id]?.rating ?? null;
        if (rating) counts[rating] += 1;
        else counts.notRated += 1;
        const moved = changeOf(row.previousRatings[standard.id], rating);
        if (moved) change[moved] += 1;
        else change.notComparable += 1;
      }
      ratingCounts.push({ framework: version, standardId: standard.id, title: standard.title, counts, total: ofVersion.length });
      changes.push({ framework: version, standardId: standard.id, title: standard.title, ...change });
    }
    for (const standard of listCaseMarkedStandards(framework)) {
      for (const kq of standard.keyQuestions) {
        const values = ofVersion
          .map((r) => r.keyQuestionPct[kq.id])
          .filter((v): v is number => typeof v === 'number')
          .sort((a, b) => a - b);
        keyQuestions.push({
          framework: version,
          standardId: standard.id,
          keyQuestionId: kq.id,
          text: kq.text,
          n: values.length,
          min: values[0] ?? null,
          median: median(values),
          max: values.at(-1) ?? null,
        });
      }
    }
  }
  return { shown: rows.length, final: final.length, ratingCounts, keyQuestions, changes };
}

/**
 * What the national figures are: per set of standards, every published inspection's rating
 * counts, key-question spreads and changes, and how many published inspections they count.
 */
export interface NationalFigures {
  ratingCounts: StandardRatingCounts[];
  keyQuestions: KeyQuestionSpread[];
  changes: StandardChanges[];
  /** Published inspections counted, per set of standards (0 when none). */
  published: Record<FrameworkVersion, number>;
}

/**
 * The national figures of `rows`: summaryFigures over the published ones (the others are
 * ignored), with how many there are on each set of standards. The one rule (issue 23): the rows
 * are EVERY published inspection, whoever looks (lib/summary/national.ts), never a viewer's share.
 */
export function nationalFigures(rows: readonly SummaryRow[]): NationalFigures {
  const { ratingCounts, keyQuestions, changes } = summaryFigures(rows);
  const published = { '2018': 0, '2021': 0 };
  for (const row of rows) if (row.isFinal) published[row.framework] += 1;
  return { ratingCounts, keyQuestions, changes, published };
}

/** The national figures of one set of standards only (null: both). */
export function nationalOn(national: NationalFigures, framework: FrameworkVersion | null): NationalFigures {
  if (!framework) return national;
  const mine = <T extends { framework: FrameworkVersion }>(list: T[]) => list.filter((x) => x.framework === framework);
  return {
    ratingCounts: mine(national.ratingCounts),
    keyQuestions: mine(national.keyQuestions),
    changes: mine(national.changes),
    published: {
      '2018': framework === '2018' ? national.published['2018'] : 0,
      '2021': framework === '2021' ? national.published['2021'] : 0,
    },
  };
}

const STANDARDS_WORDS = { '2018': 'the 2018 standards', '2021': 'the July 2021 standards' } as const;

/**
 * What "national" means, in words: "12 published inspections on the July 2021 standards";
 * both sets joined when no set is named and both have some ("… and 3 on the 2018 standards").
 */
export function nationalBasis(national: Pick<NationalFigures, 'published'>, framework: FrameworkVersion | null): string {
  const versions = (framework ? [framework] : (['2021', '2018'] as const)).filter((v) => national.published[v] > 0);
  if (versions.length === 0) return framework ? `no published inspection on ${STANDARDS_WORDS[framework]}` : 'no published inspection yet';
  return versions
    .map((v, i) => {
      const n = national.published[v];
      const noun = i === 0 ? (n === 1 ? ' published inspection' : ' published inspections') : '';
      return `${n}${noun} on ${STANDARDS_WORDS[v]}`;
    })
    .join(' and ');
}

/** The standard ids to show as columns: the chosen framework's, or both frameworks' in printed order. */
export function summaryStandardIds(framework: FrameworkVersion | null): string[] {
  const versions: FrameworkVersion[] = framework ? [framework] : ['2018', '2021'];
  const ids = new Set(versions.flatMap((v) => listStandards(getFramework(v)).map((s) => s.id)));
  return [...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
