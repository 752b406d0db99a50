/**
 * Every inspection the user may export, one CSV row each, streamed: inspections are read in
 * pages (keyset pagination by id) and each page's figures come from ONE grouped aggregate over
 * `answers` (GROUP BY inspection_id, question_id, served by the answers(inspection_id,
 * question_id, value) index), so memory stays flat however many inspections there are.
 *
 * No `server-only` imports: the benchmark script runs this outside Next.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor, Principal } from '@/lib/auth/permissions';
import { inspectionsWhere } from '@/lib/access/scope';
import { getFramework, listStandards } from '@/lib/framework';
import { RATING_LABELS, STATUS_LABELS, formatDateRange } from '@/lib/format/labels';
import type { FrameworkVersion, Rating } from '@/lib/framework/types';
import { computeInspection, type InspectionResult } from '@/lib/rating/compute-inspection';
import type { QuestionCounts } from '@/lib/rating/key-question';
import { BOM, csvLine, type CsvCell } from './csv';
import { frameworkFromDb } from '@/lib/data/mappers';
import { must } from '@/lib/must';

/**
 * The inspections whose figures `actor` may export (`export.download`, lib/access/scope.ts): admins
 * every inspection, anyone else those on whose team they are a lead or a manager.
 */
export function exportableInspectionsWhere(actor: Principal): Prisma.InspectionWhereInput {
  return inspectionsWhere(actor, 'export.download');
}

/** The standard ids of both frameworks, in printed order: one column each. */
export const ALL_STANDARD_IDS: string[] = [
  ...new Set([...listStandards(getFramework('2018')), ...listStandards(getFramework('2021'))].map((s) => s.id)),
].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

export interface AllInspectionsRow {
  id: string;
  service: string;
  localAuthority: string;
  region: string;
  framework: FrameworkVersion;
  fieldworkStart: string;
  fieldworkEnd: string;
  /** The report gives only the month of its fieldwork (Dudley 2019: "April 2019"): the days are placeholders. */
  isFieldworkMonthOnly: boolean;
  /** The day the report was published (YYYY-MM-DD), where recorded. */
  publishedOn: string | null;
  status: keyof typeof STATUS_LABELS;
  /** The previous inspection's ratings by standard id, as recorded at set-up (may be empty). */
  previousRatings: Readonly<Record<string, Rating>>;
  /** The engine's result, computed exactly as the ratings panel computes it. */
  result: InspectionResult;
}

const DEFAULT_PAGE_SIZE = 50;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Yields every inspection the actor may export, in id order, with its computed figures. Per
 * page of `pageSize` inspections: one query for the page, ONE grouped aggregate for all their
 * answer counts, and one each for judgements, active panel decisions and resettlement cases.
 */
export async function* allInspectionRows(
  db: PrismaClient,
  actor: Principal,
  options: { pageSize?: number; filter?: Prisma.InspectionWhereInput } = {},
): AsyncGenerator<AllInspectionsRow> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  // The actor's scope is always part of the where clause; a filter can only narrow it.
  const where: Prisma.InspectionWhereInput = options.filter
    ? { AND: [exportableInspectionsWhere(actor), options.filter] }
    : exportableInspectionsWhere(actor);
  let after: string | null = null;
  for (;;) {
    const page: {
      id: string;
      framework: 'v2018' | 'v2021';
      fieldworkStart: Date;
      fieldworkEnd: Date;
      fieldworkMonthOnly: boolean;
      publishedOn: Date | null;
      status: AllInspectionsRow['status'];
      previousRatings: Prisma.JsonValue;
      service: { name: string; localAuthority: string; region: string };
    }[] = await db.inspection.findMany({
      where: after ? { AND: [where, { id: { gt: after } }] } : where,
      orderBy: { id: 'asc' },
      take: pageSize,
      select: {
        id: true,
        framework: true,
        fieldworkStart: true,
        fieldworkEnd: true,
        fieldworkMonthOnly: true,
        publishedOn: true,
        status: true,
        previousRatings: true,
        service: { select: { name: true, localAuthority: true, region: true } },
      },
    });
    if (page.length === 0) return;
    const ids = page.map((i) => i.id);
    const [countRows, judgements, decisions, resettlement] = await Promise.all([
      // The same counts as countAnswers (lib/marking/count-answers.ts) gives the panel, for a
      // page of inspections at once.
      db.$queryRaw<{ inspection_id: string; question_id: string; yes: number; no: number; na: number }[]>`
        SELECT inspection_id::text AS inspection_id, question_id,
               count(*) FILTER (WHERE value = 'yes')::int AS yes,
               count(*) FILTER (WHERE value = 'no')::int AS no,
               count(*) FILTER (WHERE value = 'na')::int AS na
        FROM answers
        WHERE inspection_id = ANY(${ids}::uuid[]) AND value IS NOT NULL
        GROUP BY inspection_id, question_id`,
      db.qualitativeJudgement.findMany({
        where: { inspectionId: { in: ids } },
        select: { inspectionId: true, standardId: true, rating: true },
      }),
      db.panelDecision.findMany({
        where: { inspectionId: { in: ids }, revokedAt: null },
        select: { inspectionId: true, standardId: true, rating: true, rationale: true },
      }),
      db.case.groupBy({ by: ['inspectionId'], where: { inspectionId: { in: ids }, type: 'resettlement' }, _count: { _all: true } }),
    ]);

    const counts = new Map<string, QuestionCounts>();
    for (const row of countRows) {
      let forInspection = counts.get(row.inspection_id);
      if (!forInspection) counts.set(row.inspection_id, (forInspection = {}));
      forInspection[row.question_id] = { yes: row.yes, no: row.no, na: row.na };
    }
    const judgementsBy = new Map<string, Record<string, Rating | null>>();
    for (const j of judgements) {
      const map = judgementsBy.get(j.inspectionId) ?? {};
      map[j.standardId] = j.rating;
      judgementsBy.set(j.inspectionId, map);
    }
    const decisionsBy = new Map<string, { standard: string; rating: Rating; rationale: string }[]>();
    for (const d of decisions) {
      const list = decisionsBy.get(d.inspectionId) ?? [];
      list.push({ standard: d.standardId, rating: d.rating, rationale: d.rationale });
      decisionsBy.set(d.inspectionId, list);
    }
    const resettlementBy = new Map(resettlement.map((r) => [r.inspectionId, r._count._all]));

    for (const inspection of page) {
      const framework: FrameworkVersion = frameworkFromDb(inspection.framework);
      yield {
        id: inspection.id,
        service: inspection.service.name,
        localAuthority: inspection.service.localAuthority,
        region: inspection.service.region,
        framework,
        fieldworkStart: isoDate(inspection.fieldworkStart),
        fieldworkEnd: isoDate(inspection.fieldworkEnd),
        isFieldworkMonthOnly: inspection.fieldworkMonthOnly,
        publishedOn: inspection.publishedOn ? isoDate(inspection.publishedOn) : null,
        status: inspection.status,
        previousRatings: (inspection.previousRatings ?? {}) as Record<string, Rating>,
        result: computeInspection(framework, {
          counts: counts.get(inspection.id) ?? {},
          judgements: judgementsBy.get(inspection.id) ?? {},
          panel: decisionsBy.get(inspection.id) ?? [],
          resettlementCases: resettlementBy.get(inspection.id) ?? 0,
        }),
      };
    }
    if (page.length < pageSize) return;
    after = must(page.at(-1), 'the last inspection of a full page').id;
  }
}

/**
 * A row's fieldwork as a page prints it: "17 May 2021 to 11 June 2021", or "April 2019" where the
 * report gives only a month (issue 22).
 */
export function fieldworkOfRow(row: Pick<AllInspectionsRow, 'fieldworkStart' | 'fieldworkEnd' | 'isFieldworkMonthOnly'>): string {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return formatDateRange(day(row.fieldworkStart), day(row.fieldworkEnd), row.isFieldworkMonthOnly);
}

export const ALL_INSPECTIONS_HEADER = [
  'Service',
  'Local authority',
  'Framework',
  'Fieldwork start',
  'Fieldwork end',
  'Status',
  ...ALL_STANDARD_IDS,
  'Score',
  'Overall rating',
  'Inspection id',
];

/** One inspection as CSV cells: a standard the framework does not have is left empty, as is one not yet rated. */
function allInspectionsCells(row: AllInspectionsRow): CsvCell[] {
  const rating = (r: Rating | null | undefined) => (r ? RATING_LABELS[r] : null);
  return [
    row.service,
    row.localAuthority,
    row.framework,
    // Never days the report does not give: a month-only fieldwork is its month, "2019-04" (ISO 8601's
    // reduced precision, so the column still sorts), issue 22.
    row.isFieldworkMonthOnly ? row.fieldworkStart.slice(0, 7) : row.fieldworkStart,
    row.isFieldworkMonthOnly ? row.fieldworkEnd.slice(0, 7) : row.fieldworkEnd,
    STATUS_LABELS[row.status],
    ...ALL_STANDARD_IDS.map((id) => rating(row.result.standards[id]?.rating)),
    row.result.overall.score,
    rating(row.result.overall.rating),
    row.id,
  ];
}

/** Flushes output in chunks of about this many characters. */
const CHUNK_CHARS = 16_384;

/**
 * The all-inspections CSV as text chunks: the byte order mark and header first, then rows,
 * buffered into chunks of ~16 KB as they are computed.
 */
export async function* allInspectionsCsv(db: PrismaClient, actor: Actor, options: { pageSize?: number } = {}): AsyncGenerator<string> {
  yield BOM + csvLine(ALL_INSPECTIONS_HEADER);
  let buffer = '';
  for await (const row of allInspectionRows(db, actor, options)) {
    buffer += csvLine(allInspectionsCells(row));
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/**
 * A byte stream of `chunks` that computes the next chunk only when the reader asks for it
 * (high-water mark 0: nothing is read ahead), so a slow client holds at most one page.
 */
export function streamOfText(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(encoder.encode(value));
        } catch (error) {
          console.error('Export stream failed', error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
