/**
 * Applies the SQL migrations in prisma/migrations/<timestamp>_<name>/migration.sql, each in its
 * own transaction, and records them in `_prisma_migrations` exactly as Prisma Migrate does, so
 * that `prisma migrate deploy` elsewhere treats them as applied. Prisma's native schema engine
 * is not available everywhere, hence this runner.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { grantAppRole } from './app-role';

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 hex of the file's bytes, as Prisma Migrate records it. */
  checksum: string;
}

export class MigrationError extends Error {}

export function listMigrationFiles(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(migrationsDir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

// The table as Prisma Migrate creates it.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Serialises concurrent runners (several app servers starting at once).
const ADVISORY_LOCK_KEY = 72707369; // "casemark migrate"

export interface MigrateOptions {
  /**
   * The role the app connects as (neither superuser nor owner). When given, it is granted row
   * access to every table after the migrations (lib/db/app-role.ts); the role must exist.
   */
  appRole?: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies every pending migration. Refuses (and changes nothing) when an applied migration's
 * file has changed since, when one is missing from disk, or when an earlier run failed half-way.
 */
export async function migrate(databaseUrl: string, migrationsDir: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const files = listMigrationFiles(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    // Created only when missing, so the app's role (no CREATE right) can check an up-to-date database.
    const { rows: found } = await client.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`);
    if (!found[0]?.exists) await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at');

    const applied = new Map<string, string>();
    for (const row of rows) {
      if (row.rolled_back_at) continue;
      if (!row.finished_at) {
        throw new MigrationError(`Migration ${row.migration_name} started but did not finish. Resolve it by hand before migrating again.`);
      }
      applied.set(row.migration_name, row.checksum);
    }
    for (const [name, checksum] of applied) {
      const file = files.find((f) => f.name === name);
      if (!file) throw new MigrationError(`Migration ${name} is applied to the database but missing from ${migrationsDir}.`);
      if (file.checksum !== checksum) {
        throw new MigrationError(
          `Migration ${name} was modified after it was applied (checksum ${checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk). Write a new migration instead of editing an applied one.`,
        );
      }
    }

    const result: MigrateResult = { applied: [], alreadyApplied: [...applied.keys()] };
    for (const file of files) {
      if (applied.has(file.name)) continue;
      const id = randomUUID();
      await client.query('BEGIN');
      try {
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
          [id, file.checksum, file.name],
        );
        await client.query(file.sql);
        await client.query('UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1', [id]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        const hint =
          (error as { code?: string }).code === '42501'
            ? " Migrations must run as the owner of the tables: set DATABASE_MIGRATION_URL to the owner's URL."
            : '';
        throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${(error as Error).message}.${hint}`);
      }
      result.applied.push(file.name);
    }
    if (options.appRole) await grantAppRole(client, options.appRole);
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');
