/**
 * Backups of Casemark's database as a logical export written in Node (ADR 0012): no pg_dump ships
 * with the embedded PostgreSQL. A backup is one gzip file of JSON lines: a header (format, time,
 * the migrations applied, each table's row count), then one line per row, every table read in a
 * single REPEATABLE READ transaction — one snapshot, so the file is consistent while inspectors
 * keep saving. A restore starts a new embedded PostgreSQL in an empty data folder, applies exactly
 * the backup's migrations, loads the rows, sets the sequences, then applies this build's newer
 * migrations.
 */
import {
  cpSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { DEFAULT_MIGRATIONS_DIR, listMigrationFiles, migrate } from '@/lib/db/migrate';

const BACKUP_FORMAT = 'casemark-backup/1';
/** Rows per INSERT when restoring. */
const BATCH = 500;

interface BackupHeader {
  format: string;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

class BackupError extends Error {}

/** Tables of schema public in a stable order, without the migrations table (the restore rebuilds it). */
async function listTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  return rows.map((r) => r.name);
}

/**
 * Every row of every table, as the JSON text PostgreSQL gives it, sorted: what a backup holds, and
 * what the restore drill compares (tests/integration/backup-restore.int.test.ts).
 */
export async function readAllRows(client: pg.Client): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (const table of await listTables(client)) {
    const { rows } = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${client.escapeIdentifier(table)} t`);
    result.set(table, rows.map((r) => r.row).sort());
  }
  return result;
}

/** Writes a consistent backup of the database at `url` (the tables' owner) to `file`. */
export async function writeBackup(url: string, file: string): Promise<{ tables: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const partial = `${file}.partial`;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: applied } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const data = await readAllRows(client);
    await client.query('COMMIT');
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      migrations: applied.map((r) => r.name),
      tables: [...data].map(([name, rows]) => ({ name, rows: rows.length })),
    };
    function* lines() {
      yield `${JSON.stringify(header)}\n`;
      for (const [table, rows] of data) {
        const prefix = `{"t":${JSON.stringify(table)},"r":`;
        for (const row of rows) yield `${prefix}${row}}\n`;
      }
    }
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    // Complete or absent: a backup cut half-way never has the name asked for.
    renameSync(partial, file);
    return { tables: header.tables.length, rows: header.tables.reduce((n, t) => n + t.rows, 0) };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** Reads a backup file: its header, then each table's rows, in the order written. */
async function* readBackup(file: string): AsyncGenerator<BackupHeader | { table: string; row: unknown }> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let isFirst = true;
  for await (const line of lines) {
    if (!line) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new BackupError(`${file} is not a Casemark backup (a line is not JSON).`);
    }
    if (isFirst) {
      isFirst = false;
      const header = parsed as Partial<BackupHeader>;
      if (header.format !== BACKUP_FORMAT || !Array.isArray(header.migrations) || !Array.isArray(header.tables)) {
        throw new BackupError(`${file} is not a Casemark backup (expected format ${BACKUP_FORMAT}).`);
      }
      yield header as BackupHeader;
      continue;
    }
    const { t, r } = parsed as { t: string; r: unknown };
    yield { table: t, row: r };
  }
  if (isFirst) throw new BackupError(`${file} is empty.`);
}

/** Why a data folder may not be restored into, or null when it is empty (or absent). */
function refuseDataFolder(dataDir: string): string | null {
  const postgresDir = path.join(dataDir, 'postgres');
  if (!existsSync(postgresDir)) return null;
  if (existsSync(path.join(postgresDir, 'PG_VERSION'))) {
    return `${postgresDir} holds a database. Restore only into an empty data folder: set CASEMARK_DATA_DIR to a new folder (or move this one away first).`;
  }
  if (readdirSync(postgresDir).length > 0) return `${postgresDir} is not empty. Restore only into an empty data folder.`;
  return null;
}

/**
 * Restores `file` into a new embedded PostgreSQL in `dataDir` (which must hold no database) on
 * `port`, and stops it. Refuses a backup made by a newer Casemark (a migration this build lacks).
 */
export async function restoreBackup(options: {
  file: string;
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<{ tables: number; rows: number }> {
  const log = options.log ?? (() => undefined);
  const refusal = refuseDataFolder(options.dataDir);
  if (refusal) throw new BackupError(refusal);
  if (!existsSync(options.file)) throw new BackupError(`${options.file} does not exist.`);
  const records = readBackup(options.file);
  const first = await records.next();
  const header = first.value as BackupHeader;

  // Exactly the backup's schema first, so its rows fit; newer migrations after the rows are in.
  const known = new Set(listMigrationFiles(DEFAULT_MIGRATIONS_DIR).map((m) => m.name));
  const unknown = header.migrations.filter((name) => !known.has(name));
  if (unknown.length) {
    throw new BackupError(
      `The backup was made by a newer Casemark (migrations ${unknown.join(', ')} are not in this one). Restore it with that version.`,
    );
  }
  const schemaDir = mkdtempSync(path.join(os.tmpdir(), 'casemark-restore-'));
  for (const name of header.migrations) cpSync(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(schemaDir, name), { recursive: true });

  const postgresDir = path.join(options.dataDir, 'postgres');
  log(`Starting a new PostgreSQL in ${postgresDir}…`);
  const db = await startEmbeddedPostgres({ databaseDir: postgresDir, port: options.port, database: 'casemark' });
  let isRestored = false;
  try {
    await migrate(db.url, schemaDir, { appRole: db.appRole });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    let rows = 0;
    try {
      await client.query('BEGIN');
      // Rows go in as they were: no triggers (the audit trail's append-only guard, notifications), no FK order.
      await client.query(`SET LOCAL session_replication_role = replica`);
      let batch: unknown[] = [];
      let table = '';
      const flush = async () => {
        if (!batch.length) return;
        const name = client.escapeIdentifier(table);
        await client.query(`INSERT INTO ${name} SELECT * FROM json_populate_recordset(NULL::${name}, $1::json)`, [JSON.stringify(batch)]);
        rows += batch.length;
        batch = [];
      };
      for await (const record of records) {
        const { table: next, row } = record as { table: string; row: unknown };
        if (next !== table || batch.length >= BATCH) {
          await flush();
          table = next;
        }
        batch.push(row);
      }
      await flush();
      const expected = header.tables.reduce((n, t) => n + t.rows, 0);
      if (rows !== expected) throw new BackupError(`The backup is incomplete: ${rows} rows read of ${expected}.`);
      const { rows: sequences } = await client.query<{ tablename: string; column: string }>(
        `SELECT table_name AS tablename, column_name AS column FROM information_schema.columns
          WHERE table_schema = 'public' AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
      );
      for (const { tablename, column } of sequences) {
        const t = client.escapeIdentifier(tablename);
        const c = client.escapeIdentifier(column);
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${c}) FROM ${t}), 1), (SELECT max(${c}) FROM ${t}) IS NOT NULL)`,
          [t, column],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await client.end();
    }
    const newer = await migrate(db.url, DEFAULT_MIGRATIONS_DIR, { appRole: db.appRole });
    if (newer.applied.length) log(`Applied ${newer.applied.length} newer migration(s): ${newer.applied.join(', ')}`);
    isRestored = true;
    return { tables: header.tables.length, rows };
  } finally {
    await db.stop();
    rmSync(schemaDir, { recursive: true, force: true });
    // A restore that failed half-way leaves the folder empty again, so it can simply be re-run.
    if (!isRestored) {
      const real = realpathSync(postgresDir);
      for (const entry of readdirSync(real)) rmSync(path.join(real, entry), { recursive: true, force: true });
    }
  }
}
