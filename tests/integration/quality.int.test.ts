import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, changeMemberRole } from '../../lib/setup/team';
import { allocateCase } from '../../lib/setup/allocation';
import { saveAnswer } from '../../lib/marking/save-answer';
import { loadCaseForActor } from '../../lib/marking/case-scope';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createMigratedDatabase } from './test-database';
import { expectRefusedUnchanged } from './expect-refused';
import { seedWorld } from './world';

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;
let qa: { id: string; isAdmin: boolean; email: string };

const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('quality'));
  world = await seedWorld(prisma);
  qa = await prisma.user.create({
    data: { email: `qa-${Date.now()}@int.example`, name: 'Quinn Assurer', passwordHash: 'x' },
    select: { id: true, isAdmin: true, email: true },
  });
});
afterAll(async () => {
  await prisma?.$disconnect();
});

async function snapshot() {
  const [answers, audit, cases, members] = await Promise.all([
    prisma.answer.findMany({ orderBy: [{ caseId: 'asc' }, { questionId: 'asc' }] }),
    prisma.auditEntry.count(),
    prisma.case.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, version: true, inspectorId: true } }),
    prisma.inspectionMember.findMany({ orderBy: [{ inspectionId: 'asc' }, { userId: 'asc' }] }),
  ]);
  return { answers, audit, cases, members };
}

describe('the quality assurer role', () => {
  it('is added to the team by the lead, audited', async () => {
    await addMember(prisma, actor(world.lead), { inspectionId: world.inspection.id, email: qa.email, role: 'quality_assurer' });
    const member = await prisma.inspectionMember.findUnique({ where: { inspectionId_userId: { inspectionId: world.inspection.id, userId: qa.id } } });
    expect(member?.role).toBe('quality_assurer');
    const audit = await prisma.auditEntry.findFirst({ where: { action: 'member.add', entityId: `${world.inspection.id}:${qa.id}` } });
    expect(audit?.newValue).toMatchObject({ role: 'quality_assurer' });
  });

  it('reads every case, including cases allocated to others', async () => {
    for (const kase of Object.values(world.cases)) {
      expect(await loadCaseForActor(prisma, actor(qa), kase.id)).not.toBeNull();
    }
  });

  it('cannot mark a case, and the refusal changes nothing', async () => {
    await expectRefusedUnchanged(
      snapshot,
      () => saveAnswer(prisma, actor(qa), { field: 'value', caseId: world.cases.court.id, questionId: '2.1.1', value: 'no', baseVersion: 0 }),
      'forbidden',
    );
  });

  it('cannot be allocated a case', async () => {
    await expectRefusedUnchanged(
      snapshot,
      () => allocateCase(prisma, actor(world.lead), { inspectionId: world.inspection.id, caseId: world.cases.court.id, inspectorId: qa.id }),
      'invalid',
    );
  });

  it('cannot be given to someone who still has cases', async () => {
    await expectRefusedUnchanged(
      snapshot,
      () => changeMemberRole(prisma, actor(world.lead), { inspectionId: world.inspection.id, userId: world.inspector.id, role: 'quality_assurer' }),
      'invalid',
      /quality assurer.*Reallocate their cases first/,
    );
  });
});
