/**
 * Defence in depth (issue 9, §5): the app connects as a role that is neither superuser nor the
 * tables' owner. It reads and writes rows as the app does, and is refused everything else —
 * altering tables, disabling the audit trail's append-only trigger, dropping, rewriting history.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_APP_ROLE } from '../../lib/db/app-role';
import { migrate } from '../../lib/db/migrate';
import { saveAnswer } from '../../lib/marking/save-answer';
import { addCase, deleteCase } from '../../lib/setup/cases';
import { INSPECTION_CHANNEL } from '../../lib/realtime/channel';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createMigratedDatabase, MIGRATIONS_DIR } from './test-database';
import { seedWorld } from './world';

let prisma: PrismaClient;
let appUrl: string;
let ownerUrl: string;
let world: Awaited<ReturnType<typeof seedWorld>>;
let app: pg.Client;

beforeAll(async () => {
  ({ prisma, url: appUrl, ownerUrl } = await createMigratedDatabase('approle', { asAppRole: true }));
  world = await seedWorld(prisma); // seeding itself runs as the app's role
  app = new pg.Client({ connectionString: appUrl });
  await app.connect();
});
afterAll(async () => {
  await app?.end();
  await prisma?.$disconnect();
});

/** The statement fails with PostgreSQL's insufficient_privilege (42501), or as the owner-only error it names. */
async function expectRefused(sql: string, message: RegExp) {
  const error = await app.query(sql).then(
    () => null,
    (e: Error & { code?: string }) => e,
  );
  expect(error, sql).not.toBeNull();
  expect(error!.code, sql).toBe('42501');
  expect(error!.message, sql).toMatch(message);
}

describe('the app role', () => {
  it('is neither superuser nor the owner of any table', async () => {
    const { rows } = await app.query<{ me: string; super: boolean; createrole: boolean; createdb: boolean }>(
      `SELECT current_user AS me, rolsuper AS super, rolcreaterole AS createrole, rolcreatedb AS createdb FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ me: EMBEDDED_APP_ROLE, super: false, createrole: false, createdb: false });
    const owned = await app.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
    expect(owned.rows).toEqual([]);
  });

  it('is refused ALTER TABLE, disabling the audit trigger, DROP, TRUNCATE and CREATE', async () => {
    await expectRefused(`ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only`, /must be owner of table audit_entries/);
    await expectRefused(`ALTER TABLE audit_entries DISABLE TRIGGER ALL`, /must be owner of table audit_entries/);
    await expectRefused(`ALTER TABLE answers ADD COLUMN sneaky text`, /must be owner of table answers/);
    await expectRefused(`ALTER TABLE cases DROP CONSTRAINT IF EXISTS cases_pkey`, /must be owner of table cases/);
    await expectRefused(`DROP TABLE audit_entries`, /must be owner of table audit_entries/);
    await expectRefused(`DROP TRIGGER audit_entries_append_only ON audit_entries`, /must be owner of (table|relation) audit_entries/);
    await expectRefused(`DROP FUNCTION audit_entries_append_only()`, /must be owner of function/);
    await expectRefused(`TRUNCATE answers`, /permission denied for table answers/);
    await expectRefused(`CREATE TABLE shadow (id int)`, /permission denied for schema public/);
    // Triggers can be skipped only by a superuser.
    await expectRefused(`SET session_replication_role = replica`, /permission denied to set parameter/);
    await expectRefused(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('x', 'x', 'x')`, /permission denied/);
  });

  it('cannot rewrite or delete audit entries, while the owner’s trigger stays on', async () => {
    const save = await saveAnswer(
      prisma,
      { id: world.inspector.id, isAdmin: false },
      {
        field: 'value',
        caseId: world.cases.court.id,
        questionId: '2.1.1',
        value: 'yes',
        baseVersion: 0,
      },
    );
    expect(save.status).toBe('saved');
    const before = await app.query(`SELECT id, action, new_value FROM audit_entries ORDER BY id`);
    expect(before.rowCount).toBeGreaterThan(0);

    await expectRefused(`UPDATE audit_entries SET action = 'forged'`, /permission denied for table audit_entries/);
    await expectRefused(`DELETE FROM audit_entries`, /permission denied for table audit_entries/);
    await expectRefused(`TRUNCATE audit_entries`, /permission denied for table audit_entries/);
    expect((await app.query(`SELECT id, action, new_value FROM audit_entries ORDER BY id`)).rows).toEqual(before.rows);

    const trigger = await app.query<{ tgenabled: string }>(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_entries_append_only'`);
    expect(trigger.rows).toEqual([{ tgenabled: 'O' }]);
  });

  it('does what the app does: reads, writes in transactions, locks rows, sequences, LISTEN/NOTIFY, advisory locks', async () => {
    const listener = new pg.Client({ connectionString: appUrl });
    await listener.connect();
    try {
      await listener.query(`LISTEN ${INSPECTION_CHANNEL}`);
      const heard = new Promise<string | undefined>((resolve) => listener.once('notification', (m) => resolve(m.payload)));
      const save = await saveAnswer(
        prisma,
        { id: world.inspector.id, isAdmin: false },
        {
          field: 'value',
          caseId: world.cases.court.id,
          questionId: '2.1.1',
          value: 'no',
          baseVersion: 1,
        },
      );
      expect(save.status).toBe('saved');
      expect(await heard).toBe(world.inspection.id);

      const setUp = await seedWorld(prisma, { status: 'set_up', framework: 'v2021' });
      const created = await addCase(
        prisma,
        { id: setUp.lead.id, isAdmin: false },
        {
          inspectionId: setUp.inspection.id,
          reference: 'APP-ROLE-1',
          type: 'court',
          disposal: 'referral_order',
          sentenceDate: { day: '3', month: '8', year: '2026' },
          gender: 'Female',
          rosh: 'medium',
          safetyWellbeing: '',
          caseManager: 'CM-2',
          inspectorId: setUp.inspector.id,
        },
      );
      expect(created.reference).toBe('APP-ROLE-1');
      await deleteCase(prisma, { id: setUp.admin.id, isAdmin: true }, { inspectionId: setUp.inspection.id, caseId: created.id });
      expect(await prisma.case.count({ where: { id: created.id } })).toBe(0);
      // The audit trail (a BIGSERIAL) grew through the sequence.
      expect(await prisma.auditEntry.count({ where: { entityId: created.id } })).toBeGreaterThanOrEqual(2);
    } finally {
      await listener.end();
    }
    await app.query('BEGIN');
    await app.query(`SELECT pg_advisory_xact_lock(hashtext('sign-in:someone'))`);
    await app.query(`SELECT id FROM users WHERE is_admin FOR UPDATE`);
    await app.query('COMMIT');
  });

  it('keeps its grants on tables added by later migrations', async () => {
    // The owner adds a table (as a parallel branch's migration would) and migrates again.
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    try {
      await owner.query(`CREATE TABLE later_feature (id serial PRIMARY KEY, note text)`);
    } finally {
      await owner.end();
    }
    await migrate(ownerUrl, MIGRATIONS_DIR, { appRole: EMBEDDED_APP_ROLE });
    await app.query(`INSERT INTO later_feature (note) VALUES ('ok')`);
    expect((await app.query(`SELECT note FROM later_feature`)).rows).toEqual([{ note: 'ok' }]);
    await expectRefused(`ALTER TABLE later_feature ADD COLUMN x int`, /must be owner of table later_feature/);
  });

  it('checks an up-to-date database with its own URL, and cannot apply a pending migration', async () => {
    await expect(migrate(appUrl, MIGRATIONS_DIR)).resolves.toMatchObject({ applied: [] });
  });
});
