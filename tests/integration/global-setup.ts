/**
 * Integration tests run against a real PostgreSQL: DATABASE_URL's server when
 * TEST_DATABASE_URL is set, otherwise a fresh embedded PostgreSQL in a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';
import { freePort } from '../../lib/net/free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a maintenance database on the test server; tests create their own databases. */
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('adminDatabaseUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casemark-int-'));
  const db = await startEmbeddedPostgres({ databaseDir: path.join(dir, 'postgres'), port: await freePort(), database: 'postgres' });
  project.provide('adminDatabaseUrl', db.url);
  return async () => {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
