/**
 * The access context against a real PostgreSQL: the one loader reads the scope the rule needs,
 * and the SQL guard of the answer write (lib/access/scope.ts) refuses exactly what `can()`
 * refuses, for every role × admin flag × inspection status × allocation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { Prisma } from '../../lib/generated/prisma/client';
import { can, systemActor, type Actor, type CaseScope, type InspectionStatus, type TeamRole } from '../../lib/auth/permissions';
import { loadCaseAccess, loadInspectionAccess } from '../../lib/access/context';
import { caseMarkGuardSql } from '../../lib/access/scope';
import { createMigratedDatabase } from './test-database';

let prisma: PrismaClient;
const ROLES: (TeamRole | null)[] = [null, 'lead_inspector', 'inspector', 'manager', 'quality_assurer'];
const STATUSES: InspectionStatus[] = ['set_up', 'fieldwork', 'panel', 'published'];

interface Person extends Actor {
  role: TeamRole | null;
}
let people: Person[] = [];
let other: Actor;
/** Per status: the inspection and, per case kind, its cases. */
const inspections = new Map<InspectionStatus, { id: string; ownCase: Map<string, string>; othersCase: string; unallocated: string }>();

beforeAll(async () => {
  prisma = (await createMigratedDatabase('access')).prisma;
  const mk = async (label: string, isAdmin: boolean) =>
    prisma.user.create({
      data: { email: `${label}@access.example`, name: label, passwordHash: 'x', isAdmin },
      select: { id: true, isAdmin: true },
    });
  people = [];
  for (const role of ROLES)
    for (const isAdmin of [false, true]) people.push({ ...(await mk(`${role ?? 'none'}-${isAdmin ? 'admin' : 'user'}`, isAdmin)), role });
  other = await mk('other', false);
  const service = await prisma.service.create({ data: { name: 'Access service', localAuthority: 'LA', region: 'North' } });
  for (const status of STATUSES) {
    const inspection = await prisma.inspection.create({
      data: {
        serviceId: service.id,
        framework: 'v2021',
        fieldworkStart: new Date('2026-11-16'),
        fieldworkEnd: new Date('2026-11-20'),
        status,
        members: {
          create: [
            ...people.filter((p) => p.role !== null).map((p) => ({ userId: p.id, role: p.role! })),
            { userId: other.id, role: 'inspector' as const },
          ],
        },
      },
    });
    const mkCase = (reference: string, inspectorId: string | null) =>
      prisma.case
        .create({
          data: { inspectionId: inspection.id, reference, type: 'court', disposal: 'referral_order', inspectorId },
          select: { id: true },
        })
        .then((c) => c.id);
    const ownCase = new Map<string, string>();
    for (const [index, person] of people.entries()) ownCase.set(person.id, await mkCase(`OWN-${index}`, person.id));
    inspections.set(status, {
      id: inspection.id,
      ownCase,
      othersCase: await mkCase('OTHER', other.id),
      unallocated: await mkCase('NONE', null),
    });
  }
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
});

async function guardHolds(actor: Actor, scope: CaseScope, caseId: string): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ holds: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM cases c JOIN inspections i ON i.id = c.inspection_id
                   WHERE c.id = ${caseId}::uuid AND ${caseMarkGuardSql(actor, scope)}) AS holds`;
  return rows[0]?.holds === true;
}

describe('the access context', () => {
  it('the SQL guard of the answer write refuses exactly what can() refuses', async () => {
    let checked = 0;
    for (const status of STATUSES) {
      const inspection = inspections.get(status)!;
      for (const person of people) {
        const actor: Actor = { id: person.id, isAdmin: person.isAdmin };
        const cases: [string, string | null][] = [
          [inspection.ownCase.get(person.id)!, person.id],
          [inspection.othersCase, other.id],
          [inspection.unallocated, null],
        ];
        for (const [caseId, inspectorId] of cases) {
          const scope: CaseScope = { role: person.role, status, isPanelVisibleToTeam: false, inspectorId };
          const label = JSON.stringify({ role: person.role, isAdmin: person.isAdmin, status, inspectorId });
          expect(await guardHolds(actor, scope, caseId), label).toBe(can(actor, 'case.mark', { case: scope }));
          checked++;
        }
      }
    }
    expect(checked).toBe(STATUSES.length * ROLES.length * 2 * 3);
  });

  it('the guard refuses a write once the role it was checked with has changed', async () => {
    const inspection = inspections.get('fieldwork')!;
    const lead = people.find((p) => p.role === 'lead_inspector' && !p.isAdmin)!;
    const scope: CaseScope = { role: 'lead_inspector', status: 'fieldwork', inspectorId: other.id };
    expect(await guardHolds(lead, scope, inspection.othersCase)).toBe(true);
    await prisma.inspectionMember.update({
      where: { inspectionId_userId: { inspectionId: inspection.id, userId: lead.id } },
      data: { role: 'inspector' },
    });
    try {
      expect(await guardHolds(lead, scope, inspection.othersCase)).toBe(false);
    } finally {
      await prisma.inspectionMember.update({
        where: { inspectionId_userId: { inspectionId: inspection.id, userId: lead.id } },
        data: { role: 'lead_inspector' },
      });
    }
  });

  it('loads the scope the rule needs, and nothing for someone who may not see the resource', async () => {
    const inspection = inspections.get('fieldwork')!;
    for (const person of people) {
      const actor: Actor = { id: person.id, isAdmin: person.isAdmin };
      const access = await loadInspectionAccess(prisma, actor, inspection.id);
      expect(access === null, JSON.stringify(person)).toBe(
        !can(actor, 'inspection.view', { inspection: { role: person.role, status: 'fieldwork' } }),
      );
      if (access) {
        expect(access.scope).toEqual({ role: person.role, status: 'fieldwork', isPanelVisibleToTeam: false, isBlindSecondMarker: false });
      }
      const othersCase = await loadCaseAccess(prisma, actor, inspection.othersCase);
      const expected: CaseScope = {
        role: person.role,
        status: 'fieldwork',
        isPanelVisibleToTeam: false,
        isBlindSecondMarker: false,
        inspectorId: other.id,
        blindSecondMarkerId: null,
      };
      expect(othersCase?.scope ?? null, JSON.stringify(person)).toEqual(can(actor, 'case.view', { case: expected }) ? expected : null);
    }
    const stored = await prisma.inspection.findUniqueOrThrow({
      where: { id: inspection.id },
      select: { fieldworkStart: true, fieldworkEnd: true },
    });
    const system = await loadInspectionAccess(prisma, systemActor('test'), inspection.id);
    expect(system).toMatchObject({
      fieldworkStart: stored.fieldworkStart,
      fieldworkEnd: stored.fieldworkEnd,
      serviceName: 'Access service',
      framework: '2021',
    });
    expect(await loadInspectionAccess(prisma, systemActor('test'), 'not-a-uuid')).toBeNull();
  });

  it('locks the case row when asked', async () => {
    const caseId = inspections.get('fieldwork')!.unallocated;
    const admin = people.find((p) => p.isAdmin && p.role === null)!;
    await prisma.$transaction(async (tx) => {
      await loadCaseAccess(tx, admin, caseId, { lock: true });
      const locks = await tx.$queryRaw<{ n: number }[]>(
        Prisma.sql`SELECT count(*)::int AS n FROM pg_locks l WHERE l.pid = pg_backend_pid() AND l.locktype = 'transactionid' AND l.mode = 'ExclusiveLock'`,
      );
      expect(locks[0]?.n).toBe(1); // FOR UPDATE assigns the transaction an id
    });
  });
});
