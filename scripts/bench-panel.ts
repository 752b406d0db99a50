/**
 * Benchmark of the ratings panel page's data with many published inspections: the panel's own
 * figures (loadPanelPage) and, beside them, the national median and range of each key question
 * over every published inspection on the same standards — what the page awaits before it can
 * render. `npm run bench` calls `benchPanelPage`; on its own:
 *
 *   npx tsx scripts/bench-panel.ts [--inspections 400]
 *
 * starts an embedded PostgreSQL in a temporary folder, migrates it, runs, prints the section.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { freePort } from '@/lib/net/free-port';
import { loadPanelPage } from '@/lib/panel/load-panel';
import { computeNationalFigures, loadNationalFigures } from '@/lib/summary/national';
import { at } from '@/lib/must';
import { summarise } from './lib/http-client';
import { cleanUp, seed } from './bench-exports';

const ROUNDS = 20;

interface Timing {
  label: string;
  p50: number;
  p95: number;
}

interface BenchPanelResult {
  inspections: number;
  published: number;
  answers: number;
  timings: Timing[];
}

async function timed(label: string, rounds: number, work: () => Promise<unknown>): Promise<Timing> {
  await work(); // untimed: connections open, plans cached
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  const s = summarise(samples);
  return { label, p50: s.p50, p95: s.p95 };
}

/**
 * `options.inspections` (400) generated inspections, half of them published; the panel page of
 * one still at the ratings panel, read as its manager `ROUNDS` times.
 */
async function benchPanelPage(db: PrismaClient | string, options: { inspections?: number } = {}): Promise<BenchPanelResult> {
  const prisma = typeof db === 'string' ? createPrismaClient(db, 4) : db;
  const tag = randomBytes(4).toString('hex');
  try {
    const seeded = await seed(prisma, tag, { inspections: options.inspections ?? 400, courtCases: 8 });
    await prisma.$executeRawUnsafe(
      `UPDATE inspections SET status = CASE WHEN b.n % 2 = 0 THEN 'published' ELSE 'panel' END::inspection_status
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM (${seeded.benchInspections}) x) b WHERE inspections.id = b.id`,
    );
    try {
      const [counts] = await prisma.$queryRawUnsafe<{ total: number; published: number }[]>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE i.status = 'published')::int AS published
         FROM inspections i WHERE i.id IN (SELECT id FROM (${seeded.benchInspections}) b)`,
      );
      const target = at(
        await prisma.$queryRawUnsafe<{ id: string }[]>(
          `SELECT b.id::text AS id FROM (${seeded.benchInspections}) b JOIN inspections i ON i.id = b.id
           WHERE i.status = 'panel' AND b.framework = '2021' ORDER BY b.id LIMIT 1`,
        ),
        0,
      ).id;
      const actor = { id: seeded.managerId, isAdmin: false };
      const timings = [
        await timed('The panel’s own figures (loadPanelPage)', ROUNDS, () => loadPanelPage(prisma, actor, target)),
        await timed('National figures computed, in pages of 50 (as before)', ROUNDS, () =>
          computeNationalFigures(prisma, { pageSize: 50 }),
        ),
        await timed('National figures computed, one page (one grouped aggregate)', ROUNDS, () => computeNationalFigures(prisma)),
        await timed('National figures remembered (the fingerprint query only)', ROUNDS, () => loadNationalFigures(prisma)),
        await timed('The page’s data: the panel’s figures and the remembered national figures side by side', ROUNDS, () =>
          Promise.all([loadPanelPage(prisma, actor, target), loadNationalFigures(prisma)]),
        ),
      ];
      return { inspections: counts?.total ?? 0, published: counts?.published ?? 0, answers: seeded.answers, timings };
    } finally {
      await cleanUp(prisma, seeded.managerId, seeded.prefix);
    }
  } finally {
    if (typeof db === 'string') await prisma.$disconnect();
  }
}

/** The performance.md section of the panel bench. */
function panelBenchSection(r: BenchPanelResult): string {
  return [
    '## The ratings panel page with many published inspections',
    '',
    `${r.inspections} inspections (${r.published} published), ${r.answers.toLocaleString('en-GB')} answers; the panel page of one inspection still at the`,
    `ratings panel (2021 standards), read as its manager ${ROUNDS} times after one untimed read, in-process (no HTTP).`,
    '',
    '| What | p50 | p95 |',
    '| --- | ---: | ---: |',
    ...r.timings.map((t) => `| ${t.label} | ${t.p50.toFixed(1)} ms | ${t.p95.toFixed(1)} ms |`),
    '',
  ].join('\n');
}

async function main() {
  const { startEmbeddedPostgres } = await import('@/lib/db/embedded-postgres');
  const { DEFAULT_MIGRATIONS_DIR, migrate } = await import('@/lib/db/migrate');
  const arg = process.argv.indexOf('--inspections');
  const inspections = arg > 0 ? Number(process.argv[arg + 1]) : 400;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casemark-bench-panel-'));
  const pg = await startEmbeddedPostgres({ databaseDir: path.join(dir, 'postgres'), port: await freePort(), database: 'casemark' });
  try {
    await migrate(pg.url, DEFAULT_MIGRATIONS_DIR);
    process.stdout.write(panelBenchSection(await benchPanelPage(pg.url, { inspections })));
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
