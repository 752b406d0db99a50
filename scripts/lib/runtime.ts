/**
 * What every command needs before it can touch the database: the embedded PostgreSQL (unless
 * DATABASE_URL points elsewhere), the migrations applied, and a session secret for local use.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded-postgres';
import { DEFAULT_MIGRATIONS_DIR, migrate } from '@/lib/db/migrate';
import { AppError } from '@/lib/errors';

export const DATA_DIR = path.resolve(process.env.CASEMARK_DATA_DIR ?? '.data');

export interface Database {
  url: string;
  isEmbedded: boolean;
  stop(): Promise<void>;
}

export function log(message: string): void {
  process.stderr.write(`[casemark] ${message}\n`);
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in <data dir>/postgres. */
export async function openDatabase(options: { quiet?: boolean } = {}): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, isEmbedded: false, stop: async () => undefined };
  }
  const port = Number(process.env.CASEMARK_DB_PORT ?? 54329);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new Error(`CASEMARK_DB_PORT must be a port number from 1024 to 65535 (got "${process.env.CASEMARK_DB_PORT}")`);
  }
  if (!options.quiet) log(`Starting the embedded PostgreSQL in ${path.join(DATA_DIR, 'postgres')} on port ${port}…`);
  const lines: string[] = [];
  let embedded: EmbeddedDatabase;
  try {
    embedded = await startEmbeddedPostgres({
      databaseDir: path.join(DATA_DIR, 'postgres'),
      port,
      database: 'casemark',
      onLog: (line) => {
        lines.push(line);
        if (process.env.CASEMARK_DEBUG_PG) process.stderr.write(`${line}\n`);
      },
    });
  } catch (error) {
    process.stderr.write(lines.slice(-20).join('\n') + '\n');
    throw error;
  }
  process.env.DATABASE_URL = embedded.url;
  return { url: embedded.url, isEmbedded: true, stop: () => embedded.stop() };
}

export async function applyMigrations(url: string, options: { quiet?: boolean } = {}): Promise<void> {
  const result = await migrate(url, DEFAULT_MIGRATIONS_DIR);
  if (!options.quiet) {
    log(
      result.applied.length
        ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}`
        : `Database is up to date (${result.alreadyApplied.length} migration(s)).`,
    );
  }
}

/** NEXTAUTH_SECRET from the environment, or one generated once and kept in <data dir>/secret. */
export function ensureSessionSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(DATA_DIR, 'secret');
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, 'utf8').trim();
  return process.env.NEXTAUTH_SECRET;
}

/** Runs `main`, stops the embedded database on the way out, and exits non-zero on failure. */
export async function runCommand(main: (db: Database) => Promise<void>, options: { quiet?: boolean } = {}): Promise<void> {
  let db: Database | undefined;
  try {
    db = await openDatabase(options);
    await applyMigrations(db.url, options);
    await main(db);
    await db.stop();
    process.exit(0);
  } catch (error) {
    const fieldErrors = error instanceof AppError && error.fieldErrors ? Object.values(error.fieldErrors) : [];
    const message = fieldErrors.length > 1 ? fieldErrors.map((m) => `- ${m}`).join('\n') : error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n`);
    await db?.stop().catch(() => undefined);
    process.exit(1);
  }
}
