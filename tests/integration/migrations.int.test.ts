import { cpSync, mkdtempSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { listMigrationFiles, migrate } from '../../lib/db/migrate';
import { createEmptyDatabase, MIGRATIONS_DIR } from './test-database';
import { at } from '@/lib/must';

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('migrate', () => {
  it('applies every migration once and records it as Prisma Migrate does', async () => {
    const url = await createEmptyDatabase('mig');
    const first = await migrate(url, MIGRATIONS_DIR);
    const files = listMigrationFiles(MIGRATIONS_DIR);
    expect(first.applied).toEqual(files.map((f) => f.name));

    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: Date | null;
      applied_steps_count: number;
      rolled_back_at: Date | null;
      logs: string | null;
    }>(url, 'SELECT * FROM "_prisma_migrations" ORDER BY migration_name');
    expect(rows).toHaveLength(files.length);
    for (const [i, row] of rows.entries()) {
      const bytes = readFileSync(path.join(MIGRATIONS_DIR, at(files, i).name, 'migration.sql'));
      expect(row.migration_name).toBe(at(files, i).name);
      expect(row.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }

    const second = await migrate(url, MIGRATIONS_DIR);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(files.map((f) => f.name));
  });

  it('refuses to run when an applied migration was modified, and changes nothing', async () => {
    const url = await createEmptyDatabase('tamper');
    await migrate(url, MIGRATIONS_DIR);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'casemark-mig-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const first = at(listMigrationFiles(dir), 0);
    appendFileSync(path.join(dir, first.name, 'migration.sql'), '\nCREATE TABLE "sneaky" (id INT);\n');
    // A new pending migration too: it must not be applied while the history is broken.
    cpSync(path.join(dir, first.name), path.join(dir, '29991231000000_later'), { recursive: true });

    await expect(migrate(url, dir)).rejects.toThrow(/was modified after it was applied/);
    const tables = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'sneaky'`);
    expect(tables[0]?.n).toBe(0);
    const recorded = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM "_prisma_migrations"');
    expect(recorded[0]?.n).toBe(listMigrationFiles(MIGRATIONS_DIR).length);
  });

  it('rolls back a failing migration whole and records nothing', async () => {
    const url = await createEmptyDatabase('fail');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'casemark-mig-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const bad = path.join(dir, '29991231000000_bad');
    cpSync(path.join(dir, at(listMigrationFiles(dir), 0).name), bad, { recursive: true });
    // Re-running the init script fails half-way (types exist): nothing of it may remain.
    await expect(migrate(url, dir)).rejects.toThrow(/29991231000000_bad failed and was rolled back/);
    const recorded = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM "_prisma_migrations"');
    expect(recorded.map((r) => r.migration_name).sort()).toEqual(listMigrationFiles(MIGRATIONS_DIR).map((f) => f.name));
  });
});
