import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

/** What an integration file does with the production build's app servers (scripts/lib/build.ts). */
const appServersOf = (file: string): 'soak' | 'servers' | null => {
  const source = readFileSync(file, 'utf8');
  if (/\brunSoak\(/.test(source)) return 'soak';
  return /\bbuildIfNeeded\(/.test(source) ? 'servers' : null;
};

/**
 * Vitest's own order (longest or largest first), except for the integration files that start app
 * servers, which wait for the build and take turns (tests/integration/app-servers.ts). The soak
 * goes first: it waits for the build (which `npm test` runs in the background, scripts/test-all.ts)
 * while the other worker gets on with the rest, then spends its minute mostly waiting beside them.
 * The other app-server files go last, so they never wait for the build or the soak holding a worker.
 */
class AppServersApart extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const kind = new Map(sorted.map((f) => [f, f.project.name === 'integration' ? appServersOf(f.moduleId) : null]));
    const of = (k: 'soak' | 'servers' | null) => sorted.filter((f) => kind.get(f) === k);
    // Unit files first (their group runs first anyway), then the soak, the rest, the other app servers.
    const unit = of(null).filter((f) => f.project.name !== 'integration');
    const rest = of(null).filter((f) => f.project.name === 'integration');
    return [...unit, ...of('soak'), ...rest, ...of('servers')];
  }
}

export default defineConfig({
  resolve: { alias: { '@': root, 'server-only': path.join(root, 'tests', 'server-only-stub.ts') } },
  test: {
    sequence: { sequencer: AppServersApart },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
          // Vitest's default on 2 cores is one worker; the unit tests are pure and CPU-bound.
          maxWorkers: 2,
          // First, on their own: then the integration files have both cores.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.int.test.ts', 'lib/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          // Two files at once: each has a database of its own (tests/integration/test-database.ts),
          // and most of a file's time is spent waiting on PostgreSQL. The files that start app
          // servers still run one at a time (tests/integration/app-servers.ts).
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
