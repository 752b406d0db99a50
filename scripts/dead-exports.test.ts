import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDeadExports } from './dead-exports';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dead-exports-'));
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};
write(
  'tsconfig.json',
  JSON.stringify({
    compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', noEmit: true },
    include: ['**/*.ts', '**/*.tsx'],
  }),
);
write(
  'lib/a.ts',
  'export const used = 1;\nexport const unused = 2;\nexport type TUsed = number;\nexport type TUnused = string;\nexport function viaBarrel() {}\nexport function barrelOnly() {}\n',
);
write('lib/index.ts', "export { viaBarrel, barrelOnly } from './a';\n");
write('lib/whole.ts', 'export const one = 1;\nexport const two = 2;\n');
write('lib/dynamic.ts', 'export const loaded = 1;\n');
write(
  'lib/use.ts',
  "import { used, type TUsed } from './a';\nimport { viaBarrel } from './index';\nimport * as whole from './whole';\nexport const value: TUsed = used + whole.one;\nviaBarrel();\nvoid import('./dynamic');\n",
);
write('lib/use.test.ts', "import { value } from './use';\nvoid value;\n");
write('app/page.tsx', 'export default function Page() { return null; }\nexport const metadata = {};\n');
write('lib/actions.ts', "'use server';\nexport async function doAction() {}\n");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findDeadExports', () => {
  it('reports exports no other file imports, following re-exports, and skips framework entry points', () => {
    expect(findDeadExports(path.join(dir, 'tsconfig.json'))).toEqual([
      { file: 'lib/a.ts', name: 'barrelOnly' }, // only its barrel re-exports it
      { file: 'lib/a.ts', name: 'TUnused' },
      { file: 'lib/a.ts', name: 'unused' },
      { file: 'lib/index.ts', name: 'barrelOnly' },
    ]);
  });
});
