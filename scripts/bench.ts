/**
 * npm run bench — measures, over HTTP against the production build, the save-answer round trip
 * of the real server action (p50/p95 at 1 and 20 concurrent inspectors) beside the floor: the
 * same upsert and aggregate from a bare `pg` client in one process. Also the streamed
 * all-inspections export when that bench is present. Writes docs/performance.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { hashPassword } from '@/lib/auth/password';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { DEFAULT_MIGRATIONS_DIR, migrate } from '@/lib/db/migrate';
import { getFramework, listKeyQuestionsForCase, listStandardsForCase } from '@/lib/framework';
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import { saveAnswer } from '@/lib/marking/save-answer';
import { freePort } from '@/lib/net/free-port';
import { capacitySectionOf } from './soak-capacity';
import { postAnswerOverHttp, signIn as signInAs, summarise } from './lib/http-client';
import { at } from '@/lib/must';

const INSPECTORS = 20;
const CASES = 100;
const PASSWORD = 'bench-password-1';
const root = process.cwd();
const signIn = (baseUrl: string, email: string) => signInAs(baseUrl, email, PASSWORD);

interface BenchWorld {
  inspectionId: string;
  inspectors: { id: string; email: string; caseIds: string[] }[];
  /** Per case: the question ids of its first standard (what the save touches and re-aggregates). */
  questionsByCase: Map<string, { standardQuestionIds: string[]; keyQuestionIds: string[] }>;
}

/** An inspection of 100 fully marked cases (2021 standards), 20 inspectors, bulk-inserted. */
async function seedBenchWorld(client: pg.Client): Promise<BenchWorld> {
  const framework = getFramework('2021');
  const hash = await hashPassword(PASSWORD);
  const lead = (
    await client.query(
      `INSERT INTO users (id, email, name, password_hash, updated_at) VALUES (gen_random_uuid(), 'lead@bench.example', 'Bench Lead', $1, now()) RETURNING id`,
      [hash],
    )
  ).rows[0].id as string;
  const inspectors: BenchWorld['inspectors'] = [];
  for (let i = 0; i < INSPECTORS; i++) {
    const email = `inspector${i}@bench.example`;
    const id = (
      await client.query(
        `INSERT INTO users (id, email, name, password_hash, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
        [email, `Bench Inspector ${i}`, hash],
      )
    ).rows[0].id as string;
    inspectors.push({ id, email, caseIds: [] });
  }
  const serviceId = (
    await client.query(
      `INSERT INTO services (id, name, local_authority, region, updated_at) VALUES (gen_random_uuid(), 'Bench YJS', 'Bench Council', 'Bench', now()) RETURNING id`,
    )
  ).rows[0].id as string;
  const inspectionId = (
    await client.query(
      `INSERT INTO inspections (id, service_id, framework, fieldwork_start, fieldwork_end, status, updated_at) VALUES (gen_random_uuid(), $1, '2021', '2026-11-16', '2026-11-27', 'fieldwork', now()) RETURNING id`,
      [serviceId],
    )
  ).rows[0].id as string;
  await client.query(`INSERT INTO inspection_members (inspection_id, user_id, role) VALUES ($1, $2, 'lead_inspector')`, [
    inspectionId,
    lead,
  ]);
  for (const inspector of inspectors)
    await client.query(`INSERT INTO inspection_members (inspection_id, user_id, role) VALUES ($1, $2, 'inspector')`, [
      inspectionId,
      inspector.id,
    ]);

  const questionsByCase: BenchWorld['questionsByCase'] = new Map();
  for (let i = 0; i < CASES; i++) {
    const type = i % 5 < 3 ? 'court' : 'out_of_court';
    const disposal = type === 'court' ? 'referral_order' : 'youth_caution';
    const inspector = at(inspectors, i % INSPECTORS);
    const caseId = (
      await client.query(
        `INSERT INTO cases (id, inspection_id, reference, type, disposal, inspector_id, status, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'in_progress', now()) RETURNING id`,
        [inspectionId, `B-${String(i + 1).padStart(3, '0')}`, type, disposal, inspector.id],
      )
    ).rows[0].id as string;
    inspector.caseIds.push(caseId);
    const kase = { type, disposal } as const;
    const ids = listKeyQuestionsForCase(framework, kase).flatMap((kq) => [kq.id, ...kq.prompts.map((p) => p.id)]);
    const values = ids.map((_, j) => ((i + j) % 4 === 0 ? 'no' : 'yes'));
    await client.query(
      `INSERT INTO answers (id, case_id, inspection_id, question_id, value, updated_by_id)
       SELECT gen_random_uuid(), $1, $2, q, v::answer_value, $3 FROM unnest($4::text[], $5::text[]) AS t(q, v)`,
      [caseId, inspectionId, inspector.id, ids, values],
    );
    const first = at(listStandardsForCase(framework, kase), 0);
    questionsByCase.set(caseId, {
      standardQuestionIds: first.keyQuestions.flatMap((kq) => [kq.id, ...kq.prompts.map((p) => p.id)]),
      keyQuestionIds: first.keyQuestions.map((kq) => kq.id),
    });
  }
  await client.query('ANALYZE');
  return { inspectionId, inspectors, questionsByCase };
}

async function startApp(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NEXTAUTH_SECRET: 'bench-secret-bench-secret-bench-secret-!',
      NEXTAUTH_URL: `http://localhost:${port}`,
      CASEMARK_SEED_DEMO: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (/Casemark is running/.test(chunk.toString())) resolve();
    });
    child.on('exit', (code) => reject(new Error(`The app exited (${code}) before it was ready`)));
  });
  return child;
}

type Job = { cookie: string; caseId: string; questionId: string; inspectorId: string };

async function runConcurrent(jobsPerWorker: Job[][], rounds: number, send: (job: Job, value: 'yes' | 'no') => Promise<void>) {
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  await Promise.all(
    jobsPerWorker.map(async (jobs) => {
      for (let r = 0; r < rounds; r++) {
        const job = at(jobs, r % jobs.length);
        const started = performance.now();
        try {
          await send(job, r % 2 === 0 ? 'no' : 'yes');
          samples.push(performance.now() - started);
        } catch (error) {
          errors += 1;
          firstError ??= String(error);
        }
      }
    }),
  );
  return { ...summarise(samples), errors, firstError };
}

/** The `## ` sections of `text` whose headings `own` does not have, in their order. */
function sectionsNotIn(text: string, own: string): string {
  const headings = new Set(own.split('\n').filter((line) => line.startsWith('## ')));
  return text
    .split(/^(?=## )/m)
    .filter((section) => section.startsWith('## ') && !headings.has(section.split('\n', 1)[0] ?? ''))
    .map((section) => section.trimEnd() + '\n')
    .join('\n');
}

/** Runs scripts/bench-panel.ts in its own process and returns the section it prints. */
async function benchPanelSection(): Promise<string> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server', 'scripts/bench-panel.ts'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`scripts/bench-panel.ts exited with ${code}`);
  return out;
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casemark-bench-'));
  const db = await startEmbeddedPostgres({ databaseDir: path.join(dir, 'postgres'), port: await freePort(), database: 'bench' });
  let app: ChildProcess | undefined;
  try {
    await migrate(db.url, DEFAULT_MIGRATIONS_DIR);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const world = await seedBenchWorld(client);
    await client.end();

    const port = await freePort();
    process.stderr.write(`[bench] starting the production build on port ${port}…\n`);
    app = await startApp(db.url, port);
    const baseUrl = `http://localhost:${port}`;
    const cookies = await Promise.all(world.inspectors.map((i) => signIn(baseUrl, i.email)));

    // Each inspector saves key-question judgements on their own cases (no conflicts). Every
    // answer was seeded at version 1; each save, by the app or by the floor, adds one.
    const versions = new Map<string, number>();
    const versionKey = (job: Job) => `${job.caseId}:${job.questionId}`;
    const currentVersion = (job: Job) => versions.get(versionKey(job)) ?? 1;
    const bumpVersion = (job: Job) => versions.set(versionKey(job), currentVersion(job) + 1);
    const workers = (n: number): Job[][] =>
      world.inspectors
        .slice(0, n)
        .map((inspector, w) =>
          inspector.caseIds.flatMap((caseId) =>
            world.questionsByCase
              .get(caseId)!
              .keyQuestionIds.map((questionId) => ({ cookie: at(cookies, w), caseId, questionId, inspectorId: inspector.id })),
          ),
        );
    const httpSave = async (job: Job, value: 'yes' | 'no') => {
      const response = await postAnswerOverHttp(baseUrl, {
        inspectionId: world.inspectionId,
        caseId: job.caseId,
        cookie: job.cookie,
        change: { field: 'value', questionId: job.questionId, value, baseVersion: currentVersion(job) },
      });
      const text = await response.text();
      if (!response.ok || !text.includes('"saved"')) throw new Error(`save failed: ${response.status} ${text.slice(0, 200)}`);
      bumpVersion(job);
    };

    const floorPool = new pg.Pool({ connectionString: db.url, max: INSPECTORS });
    floorPool.on('error', () => undefined); // connections end with the database at the close
    const floorSave = async (job: Job, value: 'yes' | 'no') => {
      const c = await floorPool.connect();
      try {
        await c.query(
          `INSERT INTO answers (id, case_id, inspection_id, question_id, value, updated_by_id)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, (SELECT inspector_id FROM cases WHERE id = $1))
           ON CONFLICT (case_id, question_id) DO UPDATE SET value = EXCLUDED.value, version = answers.version + 1, updated_at = now()`,
          [job.caseId, world.inspectionId, job.questionId, value],
        );
        await c.query(
          `SELECT question_id, count(*) FILTER (WHERE value = 'yes')::int AS yes, count(*) FILTER (WHERE value = 'no')::int AS no,
                  count(*) FILTER (WHERE value = 'na')::int AS na
           FROM answers WHERE inspection_id = $1 AND value IS NOT NULL AND question_id = ANY($2::text[]) GROUP BY question_id`,
          [world.inspectionId, world.questionsByCase.get(job.caseId)!.standardQuestionIds],
        );
        bumpVersion(job);
      } finally {
        c.release();
      }
    };

    // The same save in-process (no HTTP, no Next.js, no session): what the action itself costs.
    const prisma = createPrismaClient(db.url, 10);
    const directSave = async (job: Job, value: 'yes' | 'no') => {
      const result = await saveAnswer(
        prisma,
        { id: job.inspectorId, isAdmin: false },
        {
          field: 'value',
          caseId: job.caseId,
          questionId: job.questionId,
          value,
          baseVersion: currentVersion(job),
        },
      );
      if (result.status !== 'saved') throw new Error('conflict');
      bumpVersion(job);
    };

    process.stderr.write('[bench] warming up…\n');
    await runConcurrent(workers(INSPECTORS), 5, httpSave);
    await runConcurrent(workers(INSPECTORS), 5, directSave);
    await runConcurrent(workers(INSPECTORS), 5, floorSave);

    const results: {
      label: string;
      concurrency: number;
      app: ReturnType<typeof summarise>;
      direct: ReturnType<typeof summarise>;
      floor: ReturnType<typeof summarise>;
    }[] = [];
    for (const [concurrency, rounds] of [
      [1, 200],
      [INSPECTORS, 25],
    ] as const) {
      process.stderr.write(`[bench] ${concurrency} concurrent inspector(s)…\n`);
      const appResult = await runConcurrent(workers(concurrency), rounds, httpSave);
      const directResult = await runConcurrent(workers(concurrency), rounds, directSave);
      const floorResult = await runConcurrent(workers(concurrency), rounds, floorSave);
      if (appResult.errors) throw new Error(`${appResult.errors} saves failed over HTTP, the first: ${appResult.firstError}`);
      if (directResult.errors) throw new Error(`${directResult.errors} in-process saves failed: ${directResult.firstError}`);
      results.push({ label: `${concurrency} concurrent`, concurrency, app: appResult, direct: directResult, floor: floorResult });
    }
    await floorPool.end();
    await prisma.$disconnect();

    let exportSection = '';
    const exportBench = path.join(root, 'scripts', 'bench-exports.ts');
    if (existsSync(exportBench)) {
      process.stderr.write('[bench] all-inspections export over 400 inspections…\n');
      const { benchAllInspectionsExport, benchSummary, summaryBenchSection } = (await import(exportBench)) as {
        benchAllInspectionsExport: (dbUrl: string) => Promise<import('./bench-exports').BenchExportResult>;
        benchSummary?: (dbUrl: string) => Promise<unknown>;
        summaryBenchSection?: (result: unknown) => string;
      };
      const r = await benchAllInspectionsExport(db.url);
      exportSection = [
        '## All inspections export (streamed CSV)',
        '',
        '| Inspections | Time | Peak RSS | Heap growth | Size |',
        '| ---: | ---: | ---: | ---: | ---: |',
        `| ${r.inspections} | ${Math.round(r.ms)} ms | ${r.peakRssMb.toFixed(0)} MB | ${r.heapDeltaMb.toFixed(1)} MB | ${(r.bytes / 1024).toFixed(0)} KiB |`,
        '',
      ].join('\n');
      if (benchSummary && summaryBenchSection) {
        process.stderr.write('[bench] the summary across inspections over 400 inspections…\n');
        exportSection += `\n${summaryBenchSection(await benchSummary(db.url))}`;
      }
    }

    // The ratings panel page with many published inspections: its own process, run with the
    // react-server condition, since the panel's loaders are 'server-only'.
    process.stderr.write('[bench] the ratings panel page beside 200 published inspections…\n');
    exportSection += `\n${await benchPanelSection()}`;

    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    const lines = [
      '# Performance',
      '',
      `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, embedded PostgreSQL 18.`,
      '',
      '## Save-answer round trip',
      '',
      `An inspection of ${CASES} fully marked cases (2021 standards, ${INSPECTORS} inspectors). Each sample is one`,
      'key-question judgement saved through the real save route (`POST …/cases/:id/answers`, the JSON route',
      'handler the marking page and the on-device outbox post to) of the production build over HTTP, signed in as that case’s inspector: the session cookie decrypted and the user re-read,',
      'zod parse, the case and the actor’s role read, the framework checks, then ONE statement that locks the',
      'case, re-checks it may still be marked, applies the version check and writes the answer, its audit',
      'entry, the case status and the NOTIFY, and finally the aggregate that recomputes the standard’s',
      'figures. “In-process” is the same `saveAnswer` called directly through Prisma (no HTTP, Next.js or',
      'session). The floor is the same upsert and the same aggregate from a bare `pg` client in one process.',
      '',
      '| Concurrent inspectors | Saves | App p50 | App p95 | In-process p50 | In-process p95 | Floor p50 | Floor p95 | App p95 ÷ floor p95 |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...results.map(
        (r) =>
          `| ${r.concurrency} | ${r.app.n} | ${fmt(r.app.p50)} | ${fmt(r.app.p95)} | ${fmt(r.direct.p50)} | ${fmt(r.direct.p95)} | ${fmt(r.floor.p50)} | ${fmt(r.floor.p95)} | ${(r.app.p95 / r.floor.p95).toFixed(1)}× |`,
      ),
      '',
      'The aim was app p95 within 2× of the floor; it is not met. The database work of a save is close to',
      'the floor (the scope read, skipped when the same actor saved the case in the last minute, and the audit',
      'row), and collapsing the write into one statement halved it. What remains is fixed per-request work the',
      'floor does not do — HTTP, Next.js routing the POST to the route handler, decrypting the session and',
      're-reading it — which on 2 cores is also what queues at 20 concurrent inspectors. It is all well under',
      'the 100 ms an inspector could notice after a click, and the page never waits on it (saves run in the',
      'background while the inspector carries on). Since 3 December 2026 a save is a JSON route handler rather',
      'than a server action, skips the proxy and reuses access checked in the last minute; what that did under',
      'load is in the capacity section below; since 7 December it also records the change id the device gave',
      '(two more columns of the row it writes anyway: ADR 0015). The floor itself moves between runs on this',
      'machine (0.9 ms p50 at one inspector on 23 November, 1.7 ms on 3 December, 2.2 ms on 7 December), so',
      'compare the ratios rather than milliseconds.',
      '',
      'Where the time went at one inspector (measured once, on 2026-11-23, with temporary timers inside what',
      'was then a server action): reading the session ≈ 1.1 ms (decrypting the JWT and re-reading the user),',
      'the save itself ≈ 3.8 ms (scope read, the one-statement write, the aggregate, each through Prisma), and',
      'the rest, ≈ 4.5 ms, Next.js receiving the POST, finding and running the action and encoding its response.',
      '',
      exportSection,
    ];
    // The capacity section belongs to `npm run soak -- --capacity`, and any other section to
    // whatever wrote it (the soak's rolling restart, the test timings): carried over as they are.
    const performanceFile = path.join(root, 'docs', 'performance.md');
    const existing = existsSync(performanceFile) ? readFileSync(performanceFile, 'utf8') : '';
    const capacity = capacitySectionOf(existing);
    const others = sectionsNotIn(existing.replace(capacity, ''), lines.join('\n'));
    writeFileSync(performanceFile, lines.join('\n') + (capacity ? `\n${capacity}\n` : '') + (others ? `\n${others}` : ''));
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    if (app && app.exitCode === null) {
      app.kill('SIGTERM');
      await new Promise((resolve) => app!.once('exit', resolve));
    }
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
