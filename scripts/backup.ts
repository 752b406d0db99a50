/**
 * npm run backup -- <file>: a consistent backup of Casemark's database (lib/ops/backup.ts, ADR
 * 0012), taken while the app runs or not — the embedded PostgreSQL in use is shared, a stopped one
 * is started for the backup and stopped again; DATABASE_URL/DATABASE_MIGRATION_URL are used when set.
 */
import { writeBackup } from '@/lib/ops/backup';
import { log, runCommand } from './lib/runtime';

const file = process.argv[2];
if (!file) {
  process.stderr.write('Usage: npm run backup -- <file>   (e.g. backups/casemark-2026-12-07.backup)\n');
  process.exit(2);
}

void runCommand(async (db) => {
  const result = await writeBackup(db.migrationUrl, file);
  log(`Backed up ${result.rows} rows of ${result.tables} tables to ${file}.`);
});
