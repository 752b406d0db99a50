/**
 * What every command needs before it can touch the database: the embedded PostgreSQL (unless
 * DATABASE_URL points elsewhere), the migrations applied, and a session secret for local use.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { roleOfUrl } from '@/lib/db/app-role';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded-postgres';
import { EmbeddedDatabaseError } from '@/lib/db/embedded-postgres-failure';
import { DEFAULT_MIGRATIONS_DIR, migrate } from '@/lib/db/migrate';
import { AppError } from '@/lib/errors';

const DATA_DIR = path.resolve(process.env.CASEMARK_DATA_DIR ?? '.data');

export interface Database {
  /** What the app connects as: a role that is neither superuser nor owner (lib/db/app-role.ts). */
  url: string;
  /** The tables' owner, for migrations (and only them). */
  migrationUrl: string;
  /** The app's role, granted row access after migrating; undefined when one role does both. */
  appRole: string | undefined;
  isEmbedded: boolean;
  stop(): Promise<void>;
}

export function log(message: string): void {
  process.stderr.write(`[casemark] ${message}\n`);
}

/**
 * DATABASE_URL (the app's role) and DATABASE_MIGRATION_URL (the owner, for migrations; defaults
 * to DATABASE_URL) when set; otherwise the embedded PostgreSQL in <data dir>/postgres, which
 * sets up both roles by itself.
 */
export async function openDatabase(options: { quiet?: boolean } = {}): Promise<Database> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const migrationUrl = process.env.DATABASE_MIGRATION_URL || url;
    const appRole = roleOfUrl(url);
    return {
      url,
      migrationUrl,
      appRole: appRole && appRole !== roleOfUrl(migrationUrl) ? appRole : undefined,
      isEmbedded: false,
      stop: async () => undefined,
    };
  }
  const port = Number(process.env.CASEMARK_DB_PORT ?? 54329);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new Error(`CASEMARK_DB_PORT must be a port number from 1024 to 65535 (got "${process.env.CASEMARK_DB_PORT}")`);
  }
  if (!options.quiet) log(`Starting the embedded PostgreSQL in ${path.join(DATA_DIR, 'postgres')} on port ${port}…`);
  // Any failure is an EmbeddedDatabaseError: one plain sentence, printed by the caller.
  const embedded: EmbeddedDatabase = await startEmbeddedPostgres({
    databaseDir: path.join(DATA_DIR, 'postgres'),
    port,
    database: 'casemark',
    onLog: (line) => {
      if (process.env.CASEMARK_DEBUG_PG) process.stderr.write(`${line}\n`);
    },
  });
  process.env.DATABASE_URL = embedded.appUrl;
  return { url: embedded.appUrl, migrationUrl: embedded.url, appRole: embedded.appRole, isEmbedded: true, stop: () => embedded.stop() };
}

/** The message to print for a failed command: the sentence itself, never a stack trace. */
export function failureMessage(error: unknown): string {
  if (error instanceof EmbeddedDatabaseError) return error.message;
  const fieldErrors = error instanceof AppError && error.fieldErrors ? Object.values(error.fieldErrors) : [];
  if (fieldErrors.length > 1) return fieldErrors.map((m) => `- ${m}`).join('\n');
  return error instanceof Error ? error.message : String(error);
}

/** Migrates as the owner, then grants the app's role row access to every table. */
export async function applyMigrations(db: Pick<Database, 'migrationUrl' | 'appRole'>, options: { quiet?: boolean } = {}): Promise<void> {
  const result = await migrate(db.migrationUrl, DEFAULT_MIGRATIONS_DIR, { appRole: db.appRole });
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
    await applyMigrations(db, options);
    await main(db);
    await db.stop();
    process.exit(0);
  } catch (error) {
    process.stderr.write(`${failureMessage(error)}\n`);
    await db?.stop().catch(() => undefined);
    process.exit(1);
  }
}
