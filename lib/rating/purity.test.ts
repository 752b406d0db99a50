/**
 * The engine stays pure: its modules import only lib/framework, zod and each other — no Next,
 * Prisma, React or node: modules — so the live preview can run it in the browser. (Tests, the
 * test support and the fixture builder script may use node:fs.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = __dirname;
const engineFiles = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('the rating engine', () => {
  it.each(engineFiles)('%s imports only lib/framework, lib/must, zod and the engine', (file) => {
    const source = readFileSync(path.join(DIR, file), 'utf8');
    const imports = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
    const allowed = (spec: string) =>
      spec === 'zod' || spec === '@/lib/must' || spec.startsWith('@/lib/framework') || spec.startsWith('./');
    expect(imports.filter((spec) => !allowed(spec))).toEqual([]);
  });

  it('covers every engine module', () => {
    expect(engineFiles.sort()).toEqual(
      [
        'bands.ts',
        'compute-inspection.ts',
        'discretion.ts',
        'index.ts',
        'key-question.ts',
        'overall.ts',
        'report.ts',
        'standard-rating.ts',
        'tally.ts',
      ].sort(),
    );
  });
});
