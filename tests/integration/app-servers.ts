import pg from 'pg';
import { inject } from 'vitest';

// Any fixed number: the key of a PostgreSQL advisory lock on the test server's maintenance database.
const APP_SERVERS_LOCK = 72707370;

/**
 * Waits for, then holds, the turn of the test files that start production app servers (the
 * soak, ops-server, panel-stream, two-servers): integration files run two at a time
 * (vitest.config.mts), but two of these at once on a 2-core machine would time each other's
 * servers rather than the app. Returns the release; the lock also ends with the worker.
 */
export async function waitForAppServersTurn(): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [APP_SERVERS_LOCK]);
  return () => client.end();
}
