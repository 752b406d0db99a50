import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrismaClient } from '../../lib/db/create-prisma-client';
import { EMBEDDED_APP_PASSWORD, EMBEDDED_APP_ROLE } from '../../lib/db/app-role';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../prisma/migrations');

/** Creates a new database on the test server (empty, or a copy of `template`) and returns its URL. */
async function createDatabase(prefix: string, template?: string): Promise<string> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const from = template ? ` TEMPLATE ${admin.escapeIdentifier(template)}` : '';
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}${from}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates a new, empty database on the test server and returns its URL. */
export function createEmptyDatabase(prefix = 'test'): Promise<string> {
  return createDatabase(prefix);
}

/**
 * A new database with every migration applied (as the owner), and a Prisma client on it. With
 * `asAppRole` (or CASEMARK_TEST_AS_APP_ROLE=1 for the whole suite) `url` and `prisma` connect
 * as the app's role, as the running app does (lib/db/app-role.ts); `ownerUrl` is the owner's.
 * It is a copy of a template database the global set-up migrated once (tests/integration/global-setup.ts).
 */
export async function createMigratedDatabase(prefix = 'test', options: { asAppRole?: boolean } = {}) {
  const asAppRole = options.asAppRole ?? process.env.CASEMARK_TEST_AS_APP_ROLE === '1';
  const templates = inject('templateDatabases');
  const ownerUrl = await createDatabase(prefix, asAppRole ? templates.appRole : templates.owner);
  if (!asAppRole) return { url: ownerUrl, ownerUrl, prisma: createPrismaClient(ownerUrl, 4) };
  const url = new URL(ownerUrl);
  url.username = EMBEDDED_APP_ROLE;
  url.password = EMBEDDED_APP_PASSWORD;
  return { url: url.toString(), ownerUrl, prisma: createPrismaClient(url.toString(), 4) };
}
