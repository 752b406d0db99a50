import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';
import { freePort } from '../../lib/net/free-port';
import { readAllRows, restoreBackup, writeBackup } from '../../lib/ops/backup';
import { seedSoakWorld, type SoakWorld } from '../../scripts/lib/soak';
import { createMigratedDatabase } from './test-database';
import { at } from '@/lib/must';

// The restore drill (ADR 0012): mark, back up, mark more, restore into an empty data folder — the
// restored database equals the database at the backup, row for row.
let dir = '';
let ownerUrl = '';
let world: SoakWorld;

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Marks: each answer of the first case flips, gains a note and a version; an audit entry and a sign-in attempt are written. */
async function mark(url: string, note: string): Promise<void> {
  await withClient(url, async (c) => {
    const caseId = at(at(world.accounts, 0).keys, 0).split('|')[0];
    await c.query(
      `UPDATE answers SET value = CASE WHEN value = 'yes' THEN 'no'::answer_value ELSE 'yes'::answer_value END, note = $2, version = version + 1, updated_at = now() WHERE case_id = $1`,
      [caseId, note],
    );
    await c.query(
      `INSERT INTO audit_entries (inspection_id, action, entity, entity_id, new_value) VALUES ($1, 'answer.save', 'case', $2, $3::jsonb)`,
      [world.inspectionId, caseId, JSON.stringify({ note })],
    );
    await c.query(`INSERT INTO login_attempts (email, ip, is_success) VALUES ($1, '127.0.0.1', true)`, [`${note}@example.test`]);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'casemark-backup-'));
  ({ ownerUrl } = await createMigratedDatabase('backup'));
  world = await seedSoakWorld(ownerUrl, 2, 0);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores exactly the database as it was at the backup, not the marking done after it', async () => {
    await mark(ownerUrl, 'first');
    const file = path.join(dir, 'drill.backup');
    const written = await writeBackup(ownerUrl, file);
    const atBackup = await withClient(ownerUrl, readAllRows);
    await mark(ownerUrl, 'after the backup');
    const now = await withClient(ownerUrl, readAllRows);
    expect(now).not.toEqual(atBackup);

    const dataDir = path.join(dir, 'restored');
    const port = await freePort();
    const restored = await restoreBackup({ file, dataDir, port });
    expect(restored).toEqual(written);
    expect(written.rows).toBeGreaterThan(20);

    const db = await startEmbeddedPostgres({ databaseDir: path.join(dataDir, 'postgres'), port, database: 'casemark' });
    try {
      const rows = await withClient(db.url, readAllRows);
      expect([...rows.keys()]).toEqual([...atBackup.keys()]);
      for (const [table, list] of atBackup) expect(rows.get(table), table).toEqual(list);
      // The app's role can use it, and sequences carry on after the restored rows.
      await withClient(db.appUrl, async (c) => {
        const { rows: inserted } = await c.query<{ id: string }>(
          `INSERT INTO login_attempts (email, ip, is_success) VALUES ('next@example.test', '127.0.0.1', false) RETURNING id::text`,
        );
        const { rows: max } = await c.query<{ max: string }>(
          `SELECT max(id)::text AS max FROM login_attempts WHERE email <> 'next@example.test'`,
        );
        expect(BigInt(at(inserted, 0).id)).toBeGreaterThan(BigInt(at(max, 0).max));
      });
    } finally {
      await db.stop();
    }

    // A folder that holds a database is refused, and left as it was.
    await expect(restoreBackup({ file, dataDir, port: await freePort() })).rejects.toThrow(/holds a database/);
  }, 120_000);

  it('refuses a file that is not a Casemark backup, and a data folder that is not empty', async () => {
    const bogus = path.join(dir, 'bogus.backup');
    writeFileSync(bogus, gzipSync('{"format":"something-else"}\n'));
    await expect(restoreBackup({ file: bogus, dataDir: path.join(dir, 'never'), port: await freePort() })).rejects.toThrow(
      /not a Casemark backup/,
    );
    const cluttered = path.join(dir, 'cluttered');
    mkdirSync(path.join(cluttered, 'postgres'), { recursive: true });
    writeFileSync(path.join(cluttered, 'postgres', 'notes.txt'), 'keep me');
    await expect(restoreBackup({ file: bogus, dataDir: cluttered, port: await freePort() })).rejects.toThrow(/not empty/);
  });
});
