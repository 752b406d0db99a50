/**
 * npm run retention [-- --apply] [-- --inspection <id>] | [-- --published <id> <YYYY-MM-DD>]: lists each inspection's retention date
 * (CASEMARK_RETENTION_MONTHS after publication) and what is due; with --apply erases what
 * identifies the children's cases of those due, and prunes old sign-in records
 * (lib/ops/retention.ts). A dry run by default. Runs as the tables' owner.
 */
import pg from 'pg';
import {
  DEFAULT_RETENTION_MONTHS,
  DEFAULT_SIGN_IN_RECORD_DAYS,
  applyRetention,
  formatRetentionPlan,
  planRetention,
  recordPublication,
} from '@/lib/ops/retention';
import { runCommand } from './lib/runtime';

function whole(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`${name} must be a whole number from 1 to ${max} (got "${raw}")`);
  return value;
}

const args = process.argv.slice(2);
const isApply = args.includes('--apply');
const inspectionAt = args.indexOf('--inspection');
const inspectionId = inspectionAt >= 0 ? args[inspectionAt + 1] : undefined;
const publishedAt = args.indexOf('--published');

void runCommand(
  async (db) => {
    const months = whole('CASEMARK_RETENTION_MONTHS', DEFAULT_RETENTION_MONTHS, 240);
    const signInDays = whole('CASEMARK_SIGN_IN_RECORD_DAYS', DEFAULT_SIGN_IN_RECORD_DAYS, 3650);
    const client = new pg.Client({ connectionString: db.migrationUrl });
    await client.connect();
    try {
      if (publishedAt >= 0) {
        const [id, day] = [args[publishedAt + 1] ?? '', args[publishedAt + 2] ?? ''];
        await recordPublication(client, id, day);
        process.stdout.write(`Recorded ${day} as the publication date of ${id}.\n`);
        return;
      }
      const today = new Date();
      const plan = await planRetention(client, { months, signInDays, today, inspectionId });
      if (isApply) await applyRetention(client, plan, { today });
      process.stdout.write(`${formatRetentionPlan(plan, isApply)}\n`);
      if (!isApply) process.stdout.write('Dry run: nothing was changed. Run with --apply to erase what is due.\n');
    } finally {
      await client.end();
    }
  },
  { quiet: true },
);
