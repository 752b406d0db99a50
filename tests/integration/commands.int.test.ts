import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';
import { DEMO_USERS, seedDemo } from '../../prisma/seed';
import { createMigratedDatabase } from './test-database';
import { freePort } from '../../lib/net/free-port';

const root = path.resolve(__dirname, '../..');

const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function runScript(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [tsx, script, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run user:create', () => {
  it('creates a user, and refuses bad input with a clear message and nothing written', async () => {
    const { url, prisma } = await createMigratedDatabase('usercmd');
    try {
      const bad = runScript('scripts/user-create.ts', ['--email', 'not-an-email', '--name', 'Ada', '--password', 'short'], {
        DATABASE_URL: url,
      });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('Enter an email address in the correct format');
      expect(bad.stderr).toContain('Password must be at least 12 characters');
      expect(await prisma.user.count()).toBe(0);

      const missing = runScript('scripts/user-create.ts', ['--name', 'Ada'], { DATABASE_URL: url });
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('Usage: npm run user:create');

      const good = runScript('scripts/user-create.ts', ['--email', 'Ada@Example.gov.uk', '--name', 'Ada Lovelace', '--admin'], {
        DATABASE_URL: url,
        CASEMARK_NEW_PASSWORD: 'a long enough password',
      });
      expect(good.status).toBe(0);
      expect(good.stderr).toContain('Created admin user ada@example.gov.uk');
      const user = await prisma.user.findUniqueOrThrow({ where: { email: 'ada@example.gov.uk' } });
      expect(user).toMatchObject({ name: 'Ada Lovelace', isAdmin: true, isActive: true });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await prisma.auditEntry.count({ where: { action: 'user.create', entityId: user.id } })).toBe(1);

      const duplicate = runScript('scripts/user-create.ts', ['--email', 'ada@example.gov.uk', '--name', 'Ada again'], {
        DATABASE_URL: url,
        CASEMARK_NEW_PASSWORD: 'another long password',
      });
      expect(duplicate.status).toBe(1);
      expect(duplicate.stderr).toContain('already exists');
      expect(await prisma.user.count()).toBe(1);
    } finally {
      await prisma.$disconnect();
    }
  }, 120_000); // several tsx processes, each a few seconds on a busy 2-core machine
});

describe('the demo seed', () => {
  it('seeds once: a second run changes nothing', async () => {
    const { prisma } = await createMigratedDatabase('seed');
    try {
      expect(await seedDemo(prisma)).toEqual({ seeded: true });
      const counts = async () => ({
        users: await prisma.user.count(),
        inspections: await prisma.inspection.count(),
        cases: await prisma.case.count(),
        answers: await prisma.answer.count(),
      });
      const first = await counts();
      expect(first.users).toBe(DEMO_USERS.length);
      // Northshire and Westvale in fieldwork, and the five published reports rebuilt case by case.
      expect(first.inspections).toBe(2 + 5);
      expect(first.cases).toBe(25 + 23 + (23 + 14 + 38 + 17 + 34));
      expect(await prisma.inspection.count({ where: { status: 'published' } })).toBe(5);
      // Each published report's date is the month on its cover, the 1st (the summary filters by it).
      const published = await prisma.inspection.findMany({
        where: { status: 'published' },
        select: { publishedOn: true, service: { select: { name: true } } },
      });
      expect(published.map((i) => i.publishedOn?.toISOString().slice(0, 10)).sort()).toEqual([
        '2019-06-01',
        '2021-08-01',
        '2021-09-01',
        '2021-12-01',
        '2023-02-01',
      ]);
      expect(published.find((i) => /Blackpool/.test(i.service.name))?.publishedOn).toEqual(new Date('2021-09-01T00:00:00Z'));
      expect(first.answers).toBeGreaterThan(500);
      expect(await seedDemo(prisma)).toEqual({ seeded: false });
      expect(await counts()).toEqual(first);
      // Part-marked, as fieldwork would be.
      const statuses = await prisma.case.groupBy({ by: ['status'], _count: { _all: true } });
      expect(statuses.map((s) => s.status).sort()).toEqual(['complete', 'in_progress', 'not_started']);
    } finally {
      await prisma.$disconnect();
    }
  }, 120_000); // several tsx processes, each a few seconds on a busy 2-core machine
});

describe('the embedded PostgreSQL', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('keeps its data, shares a running server with another command, and recovers from a killed run', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'casemark-embedded-'));
    dirs.push(dir);
    const databaseDir = path.join(dir, 'postgres');
    const port = await freePort();
    const options = { databaseDir, port, database: 'keep' };
    const query = async (url: string, sql: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    };

    const first = await startEmbeddedPostgres(options);
    await query(first.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
    // A second command while the first runs (e.g. user:create beside npm start) shares it.
    const second = await startEmbeddedPostgres(options);
    expect(await query(second.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    await second.stop();
    expect(await query(first.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    await first.stop();

    // A run killed with SIGKILL leaves an orphaned server and its lock behind.
    // One process (node --import tsx), so SIGKILL leaves its postgres orphaned as a real crash would.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/integration/fixtures/hold-embedded-postgres.ts', databaseDir, String(port)],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const third = await startEmbeddedPostgres(options);
    expect(await query(third.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    await third.stop();

    // A stale lock whose process is gone.
    writeFileSync(path.join(databaseDir, 'postmaster.pid'), `999999\n${databaseDir}\n`);
    const fourth = await startEmbeddedPostgres(options);
    expect(await query(fourth.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    await fourth.stop();
  });
});
