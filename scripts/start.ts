/**
 * npm start — one command from a fresh clone: the embedded PostgreSQL (unless DATABASE_URL is
 * set), migrations, the demo data on first run, a production build when there is none (or the
 * sources are newer), then the server. `--dev` runs the dev server instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '@/prisma/seed';
import { buildIfNeeded } from './lib/build';
import { applyMigrations, ensureSessionSecret, failureMessage, log, openDatabase, type Database } from './lib/runtime';

const isDev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

function printWelcome(db: Database, isSeeded: boolean): void {
  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `Casemark is running at ${url}`,
    db.isEmbedded
      ? `Database: embedded PostgreSQL (data in ${process.env.CASEMARK_DATA_DIR ?? '.data'}/postgres)`
      : 'Database: DATABASE_URL',
  ];
  if (isSeeded) {
    lines.push('', `Demo sign-ins (demo only), password for all: ${DEMO_PASSWORD}`);
    for (const u of DEMO_USERS) lines.push(`  ${u.email.padEnd(30)} sees ${u.sees}`);
  }
  lines.push('', 'Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  let db: Database;
  try {
    ensureSessionSecret();
    db = await openDatabase();
  } catch (error) {
    // One plain sentence (e.g. why the embedded PostgreSQL could not start), no stack trace.
    process.stderr.write(`${failureMessage(error)}\n`);
    process.exit(1);
  }
  let child: ChildProcess | undefined;
  let isStopping = false;
  const stop = async (code: number) => {
    if (isStopping) return;
    isStopping = true;
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child!.once('exit', resolve));
    }
    await db.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    await applyMigrations(db);
    // Demo data on first run only: embedded always, an external database only when asked.
    let isSeeded = false;
    if (db.isEmbedded || process.env.CASEMARK_SEED_DEMO === '1') {
      const prisma = createPrismaClient(db.url, 2);
      const result = await seedDemo(prisma);
      await prisma.$disconnect();
      if (result.seeded) log('Seeded the demo data.');
      isSeeded = true;
    }

    if (!isDev) await buildIfNeeded();

    process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
    // The app gets its own role's URL only; the owner's stays with the migrations.
    const { DATABASE_MIGRATION_URL: _ownerUrl, ...appEnv } = process.env;
    // Production: the standalone server as the Dockerfile and the tests start it (scripts/serve.mjs).
    const command = isDev ? [nextBin, 'dev', '-p', String(port)] : [path.join(root, 'scripts', 'serve.mjs')];
    child = spawn(process.execPath, command, {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...appEnv, PORT: String(port), NODE_ENV: isDev ? 'development' : 'production' },
    });
    let isAnnounced = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (!isAnnounced && /Ready|started server|Local:/i.test(chunk.toString())) {
        isAnnounced = true;
        printWelcome(db, isSeeded);
      }
    });
    child.on('exit', (code) => void stop(code ?? 1));
  } catch (error) {
    process.stderr.write(`${failureMessage(error)}\n`);
    await stop(1);
  }
}

void main();
