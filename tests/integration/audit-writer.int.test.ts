import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, type PrismaClient } from '../../lib/generated/prisma/client';
import { auditInsertSql, writeAudit, writeAudits, type AuditEntry } from '../../lib/audit/write';
import { createMigratedDatabase } from './test-database';
import { seedWorld } from './world';

// Issue 10: one way to write an audit entry (lib/audit/write.ts), used by every write.
let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('audit', { asAppRole: true }));
  world = await seedWorld(prisma);
});
afterAll(async () => {
  await prisma?.$disconnect();
});

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  actorId: world.lead.id,
  inspectionId: world.inspection.id,
  action: 'case.details',
  entityId: world.cases.court.id,
  oldValue: { agreesWithRosh: null },
  newValue: { agreesWithRosh: true },
  ...over,
});

describe('the audit writer', () => {
  it('writes one entry with the entity its action fixes, old → new', async () => {
    await writeAudit(prisma, entry());
    const row = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'case.details' }, orderBy: { id: 'desc' } });
    expect(row).toMatchObject({
      actorId: world.lead.id,
      inspectionId: world.inspection.id,
      entity: 'case',
      entityId: world.cases.court.id,
      oldValue: { agreesWithRosh: null },
      newValue: { agreesWithRosh: true },
    });
  });

  it('stores a missing old value as SQL NULL (a new record) and an entry without an inspection', async () => {
    await writeAudit(prisma, {
      actorId: world.admin.id,
      inspectionId: null,
      action: 'user.admin',
      entityId: world.lead.id,
      newValue: { isAdmin: false },
    });
    const row = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'user.admin' } });
    expect(row).toMatchObject({ entity: 'user', inspectionId: null, oldValue: null });
  });

  it('commits with the change it records, or not at all', async () => {
    const before = await prisma.auditEntry.count();
    await expect(
      prisma.$transaction(async (tx) => {
        await writeAudit(tx, entry({ action: 'case.update' }));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await prisma.auditEntry.count()).toBe(before);
  });

  it('writes many entries at once', async () => {
    const before = await prisma.auditEntry.count({ where: { action: 'case.allocate' } });
    await writeAudits(
      prisma,
      Array.from({ length: 7 }, (_, i) => entry({ action: 'case.allocate', newValue: { inspectorId: null, n: i } })),
    );
    expect(await prisma.auditEntry.count({ where: { action: 'case.allocate', entity: 'case' } })).toBe(before + 7);
  });

  it('gives the one-statement answer save the same columns as a SQL fragment', async () => {
    const sql = auditInsertSql({
      actorId: world.inspector.id,
      inspectionId: Prisma.sql`${world.inspection.id}::uuid`,
      action: 'answer.note',
      entityId: `${world.cases.court.id}:2.1.1`,
      oldValue: Prisma.sql`NULL`,
      newValue: Prisma.sql`${JSON.stringify({ note: 'Seen in the plan' })}::jsonb`,
      from: Prisma.sql`WHERE true`,
    });
    await prisma.$executeRaw`WITH a AS (${sql} RETURNING id) SELECT count(*) FROM a`;
    const row = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'answer.note' } });
    expect(row).toMatchObject({ entity: 'answer', oldValue: null, newValue: { note: 'Seen in the plan' } });
  });

  it('is append-only: the app cannot change or delete an entry', async () => {
    await expect(prisma.$executeRaw`UPDATE audit_entries SET action = 'forged'`).rejects.toThrow(/permission denied/);
    await expect(prisma.$executeRaw`DELETE FROM audit_entries`).rejects.toThrow(/permission denied/);
  });
});
