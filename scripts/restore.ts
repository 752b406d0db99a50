/**
 * npm run restore -- <file>: brings a backup made by `npm run backup` back into an empty data
 * folder (CASEMARK_DATA_DIR, default .data) for the embedded PostgreSQL; refuses a folder that
 * holds a database. An external database is restored with its provider's point-in-time recovery
 * (docs/deployment.md, "Backups").
 */
import path from 'node:path';
import { restoreBackup } from '@/lib/ops/backup';
import { failureMessage, log } from './lib/runtime';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('Usage: npm run restore -- <file>   (into an empty CASEMARK_DATA_DIR)\n');
    process.exit(2);
  }
  if (process.env.DATABASE_URL) {
    process.stderr.write(
      'DATABASE_URL is set: restore an external database with its provider’s point-in-time recovery (docs/deployment.md). npm run restore fills an empty embedded data folder only.\n',
    );
    process.exit(1);
  }
  try {
    const dataDir = path.resolve(process.env.CASEMARK_DATA_DIR ?? '.data');
    const result = await restoreBackup({ file, dataDir, port: Number(process.env.CASEMARK_DB_PORT ?? 54329), log });
    log(`Restored ${result.rows} rows of ${result.tables} tables into ${path.join(dataDir, 'postgres')}. Start Casemark with npm start.`);
    process.exit(0);
  } catch (error) {
    process.stderr.write(`${failureMessage(error)}\n`);
    process.exit(1);
  }
}

void main();
