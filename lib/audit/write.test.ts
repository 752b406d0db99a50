import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from './write';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'generated' || name.startsWith('.')) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

describe('the audit writer', () => {
  it('is the only code that inserts audit entries (issue 10: one way to write one)', () => {
    const writers = ['app', 'components', 'lib', 'scripts']
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .filter((file) => /auditEntry\.create|INSERT INTO\s+"?audit_entries/i.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(writers).toEqual([path.join('lib', 'audit', 'write.ts')]);
  });

  it('names each action as <record>.<verb>, with the entity it is about', () => {
    for (const [action, entity] of Object.entries(AUDIT_ACTIONS)) {
      expect(action).toMatch(/^[a-z][a-z_]*(\.[a-z_]+)+$/);
      expect(entity).toMatch(/^[a-z_]+$/);
    }
  });
});
