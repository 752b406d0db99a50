/**
 * Defence in depth: the app connects as a role that owns nothing and is no superuser, so a
 * flaw in the app cannot alter tables, disable the audit trail's append-only trigger or drop
 * data wholesale. Migrations run as the owner; after every run the app role is granted exactly
 * what the app does — read and write rows — on every table then in the schema (so tables added
 * by later migrations are covered without anyone remembering to grant them).
 */
import type pg from 'pg';

/** The role the embedded PostgreSQL creates for the app. */
export const EMBEDDED_APP_ROLE = 'casemark_app';
export const EMBEDDED_APP_PASSWORD = 'casemark-app-local';

/** The user name of a postgresql:// URL (decoded), or null when it has none. */
export function roleOfUrl(url: string): string | null {
  try {
    const user = decodeURIComponent(new URL(url).username);
    return user || null;
  } catch {
    return null;
  }
}

/** Creates the app role when missing (login, no superuser, no CREATEDB/CREATEROLE), and sets its password. */
export async function ensureAppRole(client: pg.Client, role: string, password: string): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const name = client.escapeIdentifier(role);
  const secret = client.escapeLiteral(password);
  if (!rowCount) {
    await client.query(`CREATE ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${secret}`);
  } else {
    // Whatever an earlier hand may have given it, it gets no more than this.
    await client.query(`ALTER ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${secret}`);
  }
}

/**
 * Grants `role` row access to every table and sequence in schema public, run as the owner after
 * the migrations. The audit trail is append-only: the role may read and insert audit entries,
 * never update or delete them (the trigger refuses it too). The migrations table is the owner's.
 */
export async function grantAppRole(client: pg.Client, role: string): Promise<void> {
  const { rows } = await client.query<{ me: string }>('SELECT current_user AS me');
  if (rows[0]?.me === role) return; // one role for everything: nothing to split
  const name = client.escapeIdentifier(role);
  const tables = new Set(
    (await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.tablename),
  );
  await client.query(`GRANT USAGE ON SCHEMA public TO ${name}`);
  await client.query(`REVOKE CREATE ON SCHEMA public FROM ${name}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`);
  // Tables created later by the same owner (outside this runner) get the same grants.
  await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${name}`);
  await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${name}`);
  if (tables.has('audit_entries')) await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_entries" FROM ${name}`);
  if (tables.has('_prisma_migrations')) {
    // Read-only: an app server started with only its own URL can see the database is up to date.
    await client.query(`REVOKE ALL ON "_prisma_migrations" FROM ${name}`);
    await client.query(`GRANT SELECT ON "_prisma_migrations" TO ${name}`);
  }
}
