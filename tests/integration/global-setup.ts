/**
 * Integration tests run against a real PostgreSQL: DATABASE_URL's server when
 * TEST_DATABASE_URL is set, otherwise a fresh embedded PostgreSQL in a temporary folder.
 *
 * Every migration is applied here once, into two template databases (one migrated as the owner,
 * one with the app's role granted, as lib/db/migrate.ts does for the running app); each test
 * file's database is then a copy of one (`CREATE DATABASE … TEMPLATE`, tests/integration/test-database.ts),
 * which takes a fraction of running the migrations again per file. The migrations themselves are
 * proven from an empty database by migrations.int.test.ts and schema-agreement.int.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { EMBEDDED_APP_PASSWORD, EMBEDDED_APP_ROLE, ensureAppRole } from '../../lib/db/app-role';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';
import { migrate } from '../../lib/db/migrate';
import { freePort } from '../../lib/net/free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a maintenance database on the test server; tests create their own databases. */
    adminDatabaseUrl: string;
    /** Databases with every migration applied, to copy: as the owner, and with the app's role granted. */
    templateDatabases: { owner: string; appRole: string };
  }
}

const MIGRATIONS_DIR = path.resolve(__dirname, '../../prisma/migrations');

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const urlOf = (adminUrl: string, database: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

/** Creates both template databases and migrates them; returns a function that drops them. */
async function createTemplates(adminUrl: string, project: TestProject): Promise<() => Promise<void>> {
  const tag = randomBytes(4).toString('hex');
  const names = { owner: `template_owner_${tag}`, appRole: `template_app_${tag}` };
  await withClient(adminUrl, async (admin) => {
    for (const name of Object.values(names)) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
    // The role is the whole server's: made once here, so files running side by side never race to create it.
    await ensureAppRole(admin, EMBEDDED_APP_ROLE, EMBEDDED_APP_PASSWORD);
  });
  await Promise.all([
    migrate(urlOf(adminUrl, names.owner), MIGRATIONS_DIR),
    migrate(urlOf(adminUrl, names.appRole), MIGRATIONS_DIR, { appRole: EMBEDDED_APP_ROLE }),
  ]);
  project.provide('templateDatabases', names);
  return () =>
    withClient(adminUrl, async (admin) => {
      for (const name of Object.values(names)) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    });
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('adminDatabaseUrl', process.env.TEST_DATABASE_URL);
    return createTemplates(process.env.TEST_DATABASE_URL, project);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casemark-int-'));
  const db = await startEmbeddedPostgres({ databaseDir: path.join(dir, 'postgres'), port: await freePort(), database: 'postgres' });
  project.provide('adminDatabaseUrl', db.url);
  await createTemplates(db.url, project);
  return async () => {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
