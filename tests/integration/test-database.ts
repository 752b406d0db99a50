import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate } from '../../lib/db/migrate';
import { createPrismaClient } from '../../lib/db/create-prisma-client';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../prisma/migrations');

/** Creates a new, empty database on the test server and returns its URL. */
export async function createEmptyDatabase(prefix = 'test'): Promise<string> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new database with every migration applied, and a Prisma client on it. */
export async function createMigratedDatabase(prefix = 'test') {
  const url = await createEmptyDatabase(prefix);
  await migrate(url, MIGRATIONS_DIR);
  const prisma = createPrismaClient(url, 4);
  return { url, prisma };
}
