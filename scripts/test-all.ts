/**
 * npm test — everything: generate, typecheck, lint, dead exports, format (Prettier), unit and
 * integration tests (Vitest, real PostgreSQL), then browser tests (Playwright against the
 * production build). Ends with one line: "Tests: N passed, N failed"; exits 1 if any step failed.
 *
 * On 2 cores, two lanes (docs/performance.md, "How long the tests take"): the Vitest run in the
 * foreground, its output as it comes; beside it the checks and the production build, each
 * printed whole when it ends. The build starts once the typecheck (which reads .next/types) is
 * done; the integration files that start app servers wait for it (vitest.config.mts), and
 * Playwright's web server finds it current. The browser tests start once both lanes are done,
 * with the machine to themselves.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const reports = path.join(root, 'test-results', 'reports');
mkdirSync(reports, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit integration`
const wants = (step: string) => only.length === 0 || only.includes(step);

const times: string[] = [];
const seconds = (started: number) => ((Date.now() - started) / 1000).toFixed(1);
const ended = (label: string, ok: boolean, started: number) => {
  times.push(`${label} ${seconds(started)} s`);
  return `=== ${label}: ${ok ? 'ok' : 'FAILED'} in ${seconds(started)} s\n`;
};

/** Runs a step in the foreground: its output goes straight to ours. */
function run(label: string, command: string, args: string[], env: Record<string, string> = {}): Promise<boolean> {
  process.stdout.write(`\n=== ${label}\n`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => process.stderr.write(`${error.message}\n`));
    child.on('close', (code) => {
      const ok = code === 0;
      process.stdout.write(ended(label, ok, started));
      resolve(ok);
    });
  });
}

/** Runs a step beside the foreground one: its output is kept, and printed whole when it ends. */
function runBeside(label: string, command: string, args: string[]): Promise<boolean> {
  const started = Date.now();
  const output: Buffer[] = [];
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      const ok = code === 0;
      const text = Buffer.concat(output).toString('utf8');
      process.stdout.write(
        `\n=== ${label} (ran beside the tests)\n${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${ended(label, ok, started)}`,
      );
      resolve(ok);
    });
  });
}

const node = process.execPath;
const bin = (pkg: string, file: string) => path.join(root, 'node_modules', pkg, file);
const tsx = bin('tsx', 'dist/cli.mjs');
const started = Date.now();
let passed = 0;
let failed = 0;
let isOk = true;

async function main(): Promise<void> {
  isOk = (await run('prisma generate', node, [tsx, 'scripts/prisma-generate.ts'])) && isOk;

  const vitestProjects = ['unit', 'integration'].filter(wants);
  const needsBuild = wants('e2e') || vitestProjects.includes('integration');

  // The second lane: the typecheck, then the build beside the other checks. The typecheck reads
  // .next/types when it exists (tsconfig.json), so the build, which rewrites them, waits for it;
  // lint and dead exports only lint and analyse the sources, never .next.
  const checks = (async () => {
    let ok = true;
    if (wants('typecheck')) ok = (await runBeside('typecheck', node, [bin('typescript', 'bin/tsc'), '--noEmit'])) && ok;
    const build = needsBuild ? runBeside('build', node, [tsx, 'scripts/build.ts']) : Promise.resolve(true);
    if (wants('lint')) ok = (await runBeside('lint', node, [bin('eslint', 'bin/eslint.js'), '.'])) && ok;
    if (wants('dead-exports')) ok = (await runBeside('dead-exports', node, [tsx, 'scripts/dead-exports.ts'])) && ok;
    if (wants('format')) {
      ok = (await runBeside('format', node, [bin('prettier', 'bin/prettier.cjs'), '--check', '**/*.{ts,tsx,js,mjs,cjs,css}'])) && ok;
    }
    return (await build) && ok;
  })();

  if (vitestProjects.length) {
    const out = path.join(reports, 'vitest.json');
    const ok = await run('unit and integration tests', node, [
      bin('vitest', 'vitest.mjs'),
      'run',
      ...vitestProjects.flatMap((p) => ['--project', p]),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ]);
    isOk = ok && isOk;
    if (existsSync(out)) {
      const report = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number };
      passed += report.numPassedTests;
      failed += report.numFailedTests;
    } else if (!ok) failed += 1;
  }
  isOk = (await checks) && isOk;

  if (wants('e2e')) {
    const out = path.join(reports, 'playwright.json');
    const ok = await run('browser tests', node, [bin('@playwright/test', 'cli.js'), 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    });
    isOk = ok && isOk;
    if (existsSync(out)) {
      const report = JSON.parse(readFileSync(out, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
      passed += report.stats.expected + report.stats.flaky;
      failed += report.stats.unexpected;
    } else if (!ok) failed += 1;
  }

  if (!isOk && failed === 0) failed = 1; // a step without tests (typecheck, lint) failed
  process.stdout.write(`\nStep times: ${times.join(', ')}; all ${seconds(started)} s\n`);
  process.stdout.write(`\nTests: ${passed} passed, ${failed} failed\n`);
  process.exit(isOk ? 0 : 1);
}

void main();
