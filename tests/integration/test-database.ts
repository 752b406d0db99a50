import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate } from '../../lib/db/migrate';
import { createPrismaClient } from '../../lib/db/create-prisma-client';
import { EMBEDDED_APP_PASSWORD, EMBEDDED_APP_ROLE, ensureAppRole } from '../../lib/db/app-role';

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

/**
 * A new database with every migration applied (as the owner), and a Prisma client on it. With
 * `asAppRole` (or CASEMARK_TEST_AS_APP_ROLE=1 for the whole suite) `url` and `prisma` connect
 * as the app's role, as the running app does (lib/db/app-role.ts); `ownerUrl` is the owner's.
 */
export async function createMigratedDatabase(prefix = 'test', options: { asAppRole?: boolean } = {}) {
  const ownerUrl = await createEmptyDatabase(prefix);
  const asAppRole = options.asAppRole ?? process.env.CASEMARK_TEST_AS_APP_ROLE === '1';
  if (!asAppRole) {
    await migrate(ownerUrl, MIGRATIONS_DIR);
    return { url: ownerUrl, ownerUrl, prisma: createPrismaClient(ownerUrl, 4) };
  }
  const admin = new pg.Client({ connectionString: ownerUrl });
  await admin.connect();
  try {
    await ensureAppRole(admin, EMBEDDED_APP_ROLE, EMBEDDED_APP_PASSWORD);
  } finally {
    await admin.end();
  }
  await migrate(ownerUrl, MIGRATIONS_DIR, { appRole: EMBEDDED_APP_ROLE });
  const url = new URL(ownerUrl);
  url.username = EMBEDDED_APP_ROLE;
  url.password = EMBEDDED_APP_PASSWORD;
  return { url: url.toString(), ownerUrl, prisma: createPrismaClient(url.toString(), 4) };
}
