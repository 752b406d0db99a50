/**
 * Benchmark of the streamed all-inspections export (GET /exports/inspections): generates 400
 * inspections with their cases, answers, judgements and some panel decisions (bulk inserts with
 * generate_series), then reads the whole CSV through the same ReadableStream the route returns,
 * timing it and sampling memory. `npm run bench` calls `benchAllInspectionsExport`; on its own:
 *
 *   npx tsx scripts/bench-exports.ts [--inspections 400]
 *
 * starts an embedded PostgreSQL in a temporary folder, migrates it, runs, prints JSON.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { getFramework, listQualitativeStandards, listQuestionIdsForCase } from '@/lib/framework';
import type { CaseType, Disposal, FrameworkVersion } from '@/lib/framework/types';
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { allInspectionsCsv, streamOfText } from '@/lib/export/all-inspections';
import { DEFAULT_SUMMARY_FILTERS } from '@/lib/summary/filters';
import { loadSummary } from '@/lib/summary/load-summary';
import { buildSummaryTables, summaryWorkbookStream } from '@/lib/summary/summary-tables';
import { freePort } from '@/lib/net/free-port';
import { at } from '@/lib/must';

export interface BenchExportOptions {
  /** How many inspections to generate (400). */
  inspections?: number;
  /** Court cases per inspection (8); out-of-court cases are half as many; 2021 adds 2 resettlement cases. */
  courtCases?: number;
  /** Inspections per page of the export (the export's default, 50). */
  pageSize?: number;
  /** Keep the generated data afterwards (default: delete it). */
  keep?: boolean;
}

export interface BenchExportResult {
  inspections: number;
  /** Wall time of the export, from the first read to the last byte. */
  ms: number;
  /** Highest resident set size sampled during the export. */
  peakRssMb: number;
  /** V8 heap in use after the export minus before it, both after a full GC. */
  heapDeltaMb: number;
  bytes: number;
  /** How long generating the data took (not part of the export). */
  seedMs: number;
  answers: number;
}

const MB = 1024 * 1024;

/** `global.gc` without starting node with --expose-gc, so the heap delta is of live objects. */
function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** The (framework, case type, disposal) → question ids table the answer insert joins to. */
function questionTable() {
  const rows: { framework: string; type: string; disposal: string; questionId: string }[] = [];
  const kinds: { type: CaseType; disposal: Disposal }[] = [
    { type: 'court', disposal: 'referral_order' },
    { type: 'out_of_court', disposal: 'youth_conditional_caution' },
    { type: 'out_of_court', disposal: 'youth_caution' },
    { type: 'resettlement', disposal: 'custodial_sentence' },
  ];
  for (const version of ['2018', '2021'] as FrameworkVersion[]) {
    const framework = getFramework(version);
    for (const kind of kinds) {
      if (kind.type === 'resettlement' && version === '2018') continue;
      for (const questionId of listQuestionIdsForCase(framework, kind)) rows.push({ framework: version, ...kind, questionId });
    }
  }
  return rows;
}

export async function seed(db: PrismaClient, tag: string, options: Required<Pick<BenchExportOptions, 'inspections' | 'courtCases'>>) {
  const prefix = `Bench export ${tag}`;
  const { id: managerId } = at(
    await db.$queryRaw<{ id: string }[]>`
    INSERT INTO users (id, email, name, password_hash, updated_at)
    VALUES (gen_random_uuid(), ${`bench-export-${tag}@bench.example`}, ${`Bench Manager ${tag}`}, 'x', now()) RETURNING id::text`,
    0,
  );
  await db.$executeRaw`
    WITH s AS (
      INSERT INTO services (id, name, local_authority, region, updated_at)
      SELECT gen_random_uuid(), ${prefix} || ' ' || lpad(g::text, 4, '0'), 'Council ' || g, 'Region ' || (g % 9), now()
      FROM generate_series(1, ${options.inspections}::int) g
      RETURNING id, name
    )
    INSERT INTO inspections (id, service_id, framework, fieldwork_start, fieldwork_end, status, updated_at)
    SELECT gen_random_uuid(), s.id,
           (CASE WHEN right(s.name, 1)::int % 2 = 0 THEN '2018' ELSE '2021' END)::framework_version,
           date '2025-01-06' + (right(s.name, 3)::int), date '2025-01-17' + (right(s.name, 3)::int),
           'panel', now()
    FROM s`;
  const benchInspections = `SELECT i.id, i.framework FROM inspections i JOIN services s ON s.id = i.service_id WHERE s.name LIKE '${prefix.replace(/'/g, "''")} %'`;
  await db.$executeRawUnsafe(
    `INSERT INTO inspection_members (inspection_id, user_id, role) SELECT b.id, $1::uuid, 'manager' FROM (${benchInspections}) b`,
    managerId,
  );
  const outOfCourt = Math.max(1, Math.floor(options.courtCases / 2));
  await db.$executeRawUnsafe(
    `INSERT INTO cases (id, inspection_id, reference, type, disposal, status, updated_at)
     SELECT gen_random_uuid(), b.id, k.prefix || lpad(g::text, 3, '0'), k.type::case_type, k.disposal::disposal, 'complete', now()
     FROM (${benchInspections}) b
     CROSS JOIN LATERAL (VALUES
       ('C-', 'court', 'referral_order', $1::int),
       ('OC-', 'out_of_court', 'youth_conditional_caution', $2::int),
       ('OU-', 'out_of_court', 'youth_caution', $3::int),
       ('R-', 'resettlement', 'custodial_sentence', CASE WHEN b.framework = '2021' THEN 2 ELSE 0 END)
     ) AS k(prefix, type, disposal, n)
     CROSS JOIN LATERAL generate_series(1, k.n) g`,
    options.courtCases,
    Math.ceil(outOfCourt / 2),
    Math.floor(outOfCourt / 2),
  );
  const questions = questionTable();
  const answers = await db.$executeRawUnsafe(
    `INSERT INTO answers (id, case_id, inspection_id, question_id, value, updated_by_id)
     SELECT gen_random_uuid(), c.id, c.inspection_id, q.question_id,
            (ARRAY['yes', 'yes', 'yes', 'no', 'na'])[1 + floor(random() * 5)::int]::answer_value, $5::uuid
     FROM (${benchInspections}) b
     JOIN cases c ON c.inspection_id = b.id
     JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS q(framework, type, disposal, question_id)
       ON q.framework = b.framework::text AND q.type = c.type::text AND q.disposal = c.disposal::text`,
    questions.map((q) => q.framework),
    questions.map((q) => q.type),
    questions.map((q) => q.disposal),
    questions.map((q) => q.questionId),
    managerId,
  );
  const judged = (['2018', '2021'] as const).flatMap((v) =>
    listQualitativeStandards(getFramework(v)).map((s) => ({ framework: v, standardId: s.id })),
  );
  await db.$executeRawUnsafe(
    `INSERT INTO qualitative_judgements (id, inspection_id, standard_id, rating, updated_by_id)
     SELECT gen_random_uuid(), b.id, j.standard_id, (ARRAY['inadequate', 'requires_improvement', 'good', 'outstanding'])[1 + floor(random() * 4)::int]::rating, $3::uuid
     FROM (${benchInspections}) b JOIN unnest($1::text[], $2::text[]) AS j(framework, standard_id) ON j.framework = b.framework::text`,
    judged.map((j) => j.framework),
    judged.map((j) => j.standardId),
    managerId,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO panel_decisions (id, inspection_id, standard_id, rating, rationale, decided_by_id)
     SELECT gen_random_uuid(), b.id, '2.1', 'good', 'Bench: professional judgement', $1::uuid
     FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM (${benchInspections}) x) b WHERE b.n % 10 = 0`,
    managerId,
  );
  await db.$executeRawUnsafe('ANALYZE answers');
  return { managerId, prefix, benchInspections, answers };
}

export async function cleanUp(db: PrismaClient, managerId: string, prefix: string) {
  const pattern = `${prefix} %`;
  await db.$executeRaw`DELETE FROM inspections WHERE service_id IN (SELECT id FROM services WHERE name LIKE ${pattern})`;
  await db.$executeRaw`DELETE FROM services WHERE name LIKE ${pattern}`;
  await db.$executeRaw`DELETE FROM users WHERE id = ${managerId}::uuid`;
}

/**
 * Generates `options.inspections` inspections (400) in `db` — a Prisma client, or a database
 * URL — exports them all as the manager of every one of them, and measures it.
 */
export async function benchAllInspectionsExport(db: PrismaClient | string, options: BenchExportOptions = {}): Promise<BenchExportResult> {
  const prisma = typeof db === 'string' ? createPrismaClient(db, 4) : db;
  const tag = randomBytes(4).toString('hex');
  try {
    const seedStarted = performance.now();
    const seeded = await seed(prisma, tag, { inspections: options.inspections ?? 400, courtCases: options.courtCases ?? 8 });
    const seedMs = performance.now() - seedStarted;
    try {
      const gc = exposeGc();
      const actor = { id: seeded.managerId, isAdmin: false };
      // One untimed pass first, so the figures are the steady state (connections open, query
      // plans cached), not the first request after a start.
      for await (const _chunk of allInspectionsCsv(prisma, actor, { pageSize: options.pageSize })) void _chunk;
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      let peakRss = process.memoryUsage().rss;
      const started = performance.now();
      const reader = streamOfText(allInspectionsCsv(prisma, actor, { pageSize: options.pageSize })).getReader();
      const decoder = new TextDecoder();
      let bytes = 0;
      let lines = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        lines += decoder.decode(value, { stream: true }).split('\r\n').length - 1;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
      const ms = performance.now() - started;
      gc();
      const heapDelta = process.memoryUsage().heapUsed - heapBefore;
      return { inspections: lines - 1, ms, peakRssMb: peakRss / MB, heapDeltaMb: heapDelta / MB, bytes, seedMs, answers: seeded.answers };
    } finally {
      if (!options.keep) await cleanUp(prisma, seeded.managerId, seeded.prefix);
    }
  } finally {
    if (typeof db === 'string') await prisma.$disconnect();
  }
}

export interface BenchSummaryResult {
  inspections: number;
  /** Of which published (counted in the national figures). */
  final: number;
  /** The summary page's data: every inspection read, computed, sorted and the national figures built. */
  loadMs: number;
  loadPeakRssMb: number;
  /** The XLSX workbook of everything the page shows (load included), read to the last byte. */
  xlsxMs: number;
  xlsxPeakRssMb: number;
  xlsxBytes: number;
  /** V8 heap in use after the workbook minus before the load, both after a full GC. */
  heapDeltaMb: number;
  seedMs: number;
  answers: number;
}

/** Samples the resident set size every 5 ms while `work` runs; returns its result, time and peak. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, ms, peakRssMb: peak / MB };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The summary across inspections over `options.inspections` (400) generated inspections, half
 * of them published and a third with previous ratings: the page's data load (as the manager of
 * every one), then the XLSX workbook of all its tables streamed to the last byte.
 */
export async function benchSummary(db: PrismaClient | string, options: BenchExportOptions = {}): Promise<BenchSummaryResult> {
  const prisma = typeof db === 'string' ? createPrismaClient(db, 4) : db;
  const tag = randomBytes(4).toString('hex');
  try {
    const seedStarted = performance.now();
    const seeded = await seed(prisma, tag, { inspections: options.inspections ?? 400, courtCases: options.courtCases ?? 8 });
    await prisma.$executeRawUnsafe(
      `UPDATE inspections SET status = CASE WHEN b.n % 2 = 0 THEN 'published' ELSE 'panel' END::inspection_status,
              previous_ratings = CASE WHEN b.n % 3 = 0 THEN '{"2.1": "good", "2.2": "requires_improvement", "3.1": "good"}'::jsonb END
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM (${seeded.benchInspections}) x) b WHERE inspections.id = b.id`,
    );
    const seedMs = performance.now() - seedStarted;
    try {
      const gc = exposeGc();
      const actor = { id: seeded.managerId, isAdmin: false };
      const filters = DEFAULT_SUMMARY_FILTERS;
      const readWorkbook = async () => {
        const data = await loadSummary(prisma, actor, filters, { pageSize: options.pageSize });
        const reader = summaryWorkbookStream(buildSummaryTables({ ...data, filters })).getReader();
        let bytes = 0;
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          bytes += value.byteLength;
        }
        return bytes;
      };
      // One untimed pass of each first, so the figures are the steady state.
      await loadSummary(prisma, actor, filters, { pageSize: options.pageSize });
      await readWorkbook();
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      const load = await measured(() => loadSummary(prisma, actor, filters, { pageSize: options.pageSize }));
      gc();
      const xlsx = await measured(readWorkbook);
      gc();
      const heapDelta = process.memoryUsage().heapUsed - heapBefore;
      return {
        inspections: load.value.rows.length,
        final: load.value.rows.filter((r) => r.isFinal).length,
        loadMs: load.ms,
        loadPeakRssMb: load.peakRssMb,
        xlsxMs: xlsx.ms,
        xlsxPeakRssMb: xlsx.peakRssMb,
        xlsxBytes: xlsx.value,
        heapDeltaMb: heapDelta / MB,
        seedMs,
        answers: seeded.answers,
      };
    } finally {
      if (!options.keep) await cleanUp(prisma, seeded.managerId, seeded.prefix);
    }
  } finally {
    if (typeof db === 'string') await prisma.$disconnect();
  }
}

/** The performance.md section of the summary bench. */
export function summaryBenchSection(r: BenchSummaryResult): string {
  return [
    '## Summary across inspections (page data and XLSX workbook)',
    '',
    `${r.inspections} inspections (${r.final} published), ${r.answers.toLocaleString('en-GB')} answers, read as the manager of every one with no filters: the`,
    'summary page’s data (inspections in pages of 50, one grouped aggregate of answer counts per page, the rating',
    'engine per inspection, the sort and the national figures), and the XLSX workbook of every table the page shows',
    '(that load again, then exceljs’s streaming writer) read to the last byte. Peak RSS is of the whole bench process.',
    '',
    '| Inspections | Step | Time | Peak RSS | Size |',
    '| ---: | --- | ---: | ---: | ---: |',
    `| ${r.inspections} | Summary page data | ${Math.round(r.loadMs)} ms | ${r.loadPeakRssMb.toFixed(0)} MB | – |`,
    `| ${r.inspections} | XLSX workbook (load + write) | ${Math.round(r.xlsxMs)} ms | ${r.xlsxPeakRssMb.toFixed(0)} MB | ${(r.xlsxBytes / 1024).toFixed(0)} KiB |`,
    '',
    `Heap growth over both, after a full GC: ${r.heapDeltaMb.toFixed(1)} MB. The workbook has held each inspection's`,
    'key-question percentages beside the national median and range since 7 December 2026 (71 KiB before).',
    '',
  ].join('\n');
}

async function main() {
  const { startEmbeddedPostgres } = await import('@/lib/db/embedded-postgres');
  const { DEFAULT_MIGRATIONS_DIR, migrate } = await import('@/lib/db/migrate');
  const arg = process.argv.indexOf('--inspections');
  const inspections = arg > 0 ? Number(process.argv[arg + 1]) : 400;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casemark-bench-exports-'));
  process.stderr.write(`[bench-exports] embedded PostgreSQL in ${dir}…\n`);
  const pg = await startEmbeddedPostgres({ databaseDir: path.join(dir, 'postgres'), port: await freePort(), database: 'casemark' });
  try {
    await migrate(pg.url, DEFAULT_MIGRATIONS_DIR);
    const prisma = createPrismaClient(pg.url, 4);
    try {
      process.stderr.write(`[bench-exports] ${inspections} inspections…\n`);
      const result = await benchAllInspectionsExport(prisma, { inspections });
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      process.stderr.write(`[bench-exports] the summary over ${inspections} inspections…\n`);
      const summary = await benchSummary(prisma, { inspections });
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      process.stdout.write(`\n${summaryBenchSection(summary)}`);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
