/**
 * npm test — everything, in the order a failure is cheapest to find: generate, typecheck, lint, dead exports, format (Prettier),
 * unit and integration tests (Vitest, real PostgreSQL), then browser tests (Playwright against
 * the production build). Ends with one line: "Tests: N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const reports = path.join(root, 'test-results', 'reports');
mkdirSync(reports, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit integration`
const wants = (step: string) => only.length === 0 || only.includes(step);

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  process.stdout.write(`\n=== ${label}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  process.stdout.write(`=== ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return result.status === 0;
}

const node = process.execPath;
const bin = (pkg: string, file: string) => path.join(root, 'node_modules', pkg, file);
let passed = 0;
let failed = 0;
let isOk = true;

isOk = run('prisma generate', node, [bin('tsx', 'dist/cli.mjs'), 'scripts/prisma-generate.ts']) && isOk;
if (wants('typecheck')) isOk = run('typecheck', node, [bin('typescript', 'bin/tsc'), '--noEmit']) && isOk;
if (wants('lint')) isOk = run('lint', node, [bin('eslint', 'bin/eslint.js'), '.']) && isOk;
if (wants('dead-exports')) isOk = run('dead-exports', node, [bin('tsx', 'dist/cli.mjs'), 'scripts/dead-exports.ts']) && isOk;
if (wants('format')) isOk = run('format', node, [bin('prettier', 'bin/prettier.cjs'), '--check', '**/*.{ts,tsx,js,mjs,cjs,css}']) && isOk;

const vitestProjects = ['unit', 'integration'].filter(wants);
if (vitestProjects.length) {
  const out = path.join(reports, 'vitest.json');
  const ok = run('unit and integration tests', node, [
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

if (wants('e2e')) {
  const out = path.join(reports, 'playwright.json');
  const ok = run('browser tests', node, [bin('@playwright/test', 'cli.js'), 'test', '--reporter=list,json'], {
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
process.stdout.write(`\nTests: ${passed} passed, ${failed} failed\n`);
process.exit(isOk ? 0 : 1);
