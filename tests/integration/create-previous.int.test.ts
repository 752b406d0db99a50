/**
 * Issue 23, "a service over time": creating an inspection links its previous one from Casemark's
 * own list, as the details form does — a published inspection of the same service, whose
 * fieldwork started before this one's, and one the admin may see (never one they second mark
 * blind) — and copies its figures. Anything else is refused and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createInspection } from '../../lib/setup/inspections';
import { listPublishedInspectionsByService } from '../../lib/setup/previous-inspection';
import { getFramework, listQuestionIdsForCase } from '../../lib/framework';
import { createMigratedDatabase } from './test-database';
import { expectRefusedUnchanged } from './expect-refused';
import { seedWorld } from './world';

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('create_previous'));
  world = await seedWorld(prisma, { status: 'set_up', framework: 'v2021' });
});
afterAll(async () => {
  await prisma?.$disconnect();
});

const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });

async function snapshot() {
  const [inspections, members, services, audit] = await Promise.all([
    prisma.inspection.findMany({ orderBy: { id: 'asc' } }),
    prisma.inspectionMember.findMany({ orderBy: [{ inspectionId: 'asc' }, { userId: 'asc' }] }),
    prisma.service.findMany({ orderBy: { id: 'asc' } }),
    prisma.auditEntry.count(),
  ]);
  return { inspections, members, services, audit };
}

const dateParts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day, month, year };
};

/** An inspection of a service, its 1.1 judged Good and one court case answered yes throughout. */
async function inspectionOf(options: { serviceId: string; start: string; status: 'panel' | 'published' }) {
  const created = await prisma.inspection.create({
    data: {
      serviceId: options.serviceId,
      framework: 'v2021',
      fieldworkStart: new Date(`${options.start}T00:00:00Z`),
      fieldworkEnd: new Date(`${options.start}T00:00:00Z`),
      status: options.status,
    },
  });
  await prisma.qualitativeJudgement.create({
    data: { inspectionId: created.id, standardId: '1.1', rating: 'good', updatedById: world.lead.id },
  });
  const kase = await prisma.case.create({
    data: { inspectionId: created.id, reference: 'P-1', type: 'court', disposal: 'referral_order' },
  });
  await prisma.answer.createMany({
    data: listQuestionIdsForCase(getFramework('2021'), { type: 'court', disposal: 'referral_order' }).map((questionId) => ({
      caseId: kase.id,
      inspectionId: created.id,
      questionId,
      value: 'yes' as const,
      updatedById: world.lead.id,
    })),
  });
  return { ...created, caseId: kase.id };
}

describe('creating an inspection with its previous one from Casemark’s list', () => {
  it('links a published, earlier inspection of the same service the admin may see, and refuses any other', async () => {
    const { serviceId } = world.inspection;
    const elsewhere = await prisma.service.create({
      data: { name: `Elsewhere ${world.inspection.id}`, localAuthority: 'LA', region: 'North' },
    });
    const earlier = await inspectionOf({ serviceId, start: '2024-05-01', status: 'published' });
    const notPublished = await inspectionOf({ serviceId, start: '2025-05-01', status: 'panel' });
    const later = await inspectionOf({ serviceId, start: '2028-05-01', status: 'published' });
    const otherService = await inspectionOf({ serviceId: elsewhere.id, start: '2024-05-01', status: 'published' });
    // Published, but the admin second marks one of its cases and has not submitted: blind to it.
    const blind = await inspectionOf({ serviceId, start: '2023-05-01', status: 'published' });
    await prisma.secondMarking.create({
      data: { inspectionId: blind.id, caseId: blind.caseId, markerId: world.admin.id, assignedById: world.lead.id },
    });

    // The form's list: the service's published inspections the admin may see, newest first.
    const byService = await listPublishedInspectionsByService(prisma, actor(world.admin));
    expect(byService[serviceId]?.map((e) => e.id)).toEqual([later.id, earlier.id]);
    expect(byService[serviceId]?.[1]?.label).toMatch(/July 2021 standards/);
    expect(byService[elsewhere.id]?.map((e) => e.id)).toEqual([otherService.id]);

    const input = {
      serviceId,
      framework: '2021',
      fieldworkStart: dateParts('2027-01-11'),
      fieldworkEnd: dateParts('2027-01-22'),
      leadEmail: world.lead.email,
      // Typed results are for inspections before Casemark: the linked one's own figures replace them.
      previousRatings: { '2.1': 'inadequate' },
      previousKeyQuestionPct: '2.1.1=5',
    };
    const refusal = 'Choose a published inspection of this service whose fieldwork started before this one’s';
    for (const previousInspectionId of [otherService.id, later.id, notPublished.id, blind.id]) {
      await expectRefusedUnchanged(
        snapshot,
        () => createInspection(prisma, actor(world.admin), { ...input, previousInspectionId }),
        'invalid',
        undefined,
        {
          previousInspectionId: refusal,
        },
      );
    }
    // A new service has no earlier inspection in Casemark.
    await expectRefusedUnchanged(
      snapshot,
      () =>
        createInspection(prisma, actor(world.admin), {
          ...input,
          serviceId: 'new',
          newServiceName: `New ${world.inspection.id}`,
          newServiceLocalAuthority: 'LA',
          newServiceRegion: 'North',
          previousInspectionId: earlier.id,
        }),
      'invalid',
      undefined,
      { previousInspectionId: refusal },
    );
    // Only admins create inspections: the lead's choice is refused before anything is computed.
    await expectRefusedUnchanged(
      snapshot,
      () => createInspection(prisma, actor(world.lead), { ...input, previousInspectionId: earlier.id }),
      'forbidden',
    );

    const { id } = await createInspection(prisma, actor(world.admin), { ...input, previousInspectionId: earlier.id });
    const stored = await prisma.inspection.findUniqueOrThrow({ where: { id } });
    expect(stored.previousInspectionId).toBe(earlier.id);
    expect(stored.previousRatings).toMatchObject({ '1.1': 'good' });
    expect(stored.previousRatings).not.toHaveProperty('2.1', 'inadequate');
    expect(stored.previousKeyQuestionPct).toMatchObject({ '2.1.1': 100 });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'inspection.create', entityId: id } });
    expect(audit.newValue).toMatchObject({ previousInspectionId: earlier.id, previousRatings: { '1.1': 'good' } });

    // "Not in Casemark" keeps what was typed, as before.
    const typed = await createInspection(prisma, actor(world.admin), { ...input, previousInspectionId: '' });
    expect(await prisma.inspection.findUniqueOrThrow({ where: { id: typed.id } })).toMatchObject({
      previousInspectionId: null,
      previousRatings: { '2.1': 'inadequate' },
      previousKeyQuestionPct: { '2.1.1': 5 },
    });
  });
});
