import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createMigratedDatabase } from './test-database';
import { seedWorld } from './world';

// Issue 20, "A change belongs to its author, end to end": a change queued on a device names the
// user who made it, and the save routes refuse it — writing nothing — when someone else is
// signed in on that browser (the inspector's retry going out with the lead's cookie).

type Identity = { id: string; email: string; name: string; isAdmin: boolean; sessionId: string; sessionExpiresAt: number } | null;
const context = vi.hoisted(() => ({ user: null as Identity }));
vi.mock('@/lib/auth/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth/session')>()),
  getSessionUser: async () => context.user,
}));

const answersRoute = await import('../../app/inspections/[inspectionId]/cases/[caseId]/answers/route');
const detailsRoute = await import('../../app/inspections/[inspectionId]/cases/[caseId]/details/route');

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('offline_owner'));
  (globalThis as unknown as { prisma?: PrismaClient }).prisma = prisma;
  world = await seedWorld(prisma);
});
afterAll(async () => {
  await prisma?.$disconnect();
});

const signedInAs = (u: { id: string; email: string; name: string; isAdmin: boolean }) => {
  context.user = { ...u, sessionId: '00000000-0000-4000-8000-000000000001', sessionExpiresAt: Date.now() + 3_600_000 };
};

async function post(
  route: { POST: (r: Request, c: { params: Promise<{ inspectionId: string; caseId: string }> }) => Promise<Response> },
  caseId: string,
  body: object,
) {
  const request = new Request(`http://casemark.test/inspections/${world.inspection.id}/cases/${caseId}/x`, {
    method: 'POST',
    headers: { host: 'casemark.test', origin: 'http://casemark.test', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const response = await route.POST(request, { params: Promise.resolve({ inspectionId: world.inspection.id, caseId }) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const writesTo = async (caseId: string) => ({
  answers: await prisma.answer.count({ where: { caseId } }),
  audit: await prisma.auditEntry.count({ where: { entityId: { startsWith: caseId } } }),
  caseVersion: (await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version,
});

describe('the owner of a queued change', () => {
  it('is refused with 409 not_owner when someone else is signed in, and nothing is written', async () => {
    const caseId = world.cases.court.id;
    const before = await writesTo(caseId);
    // The lead may mark this case, so without the owner check the inspector's change would be saved as the lead's.
    signedInAs(world.lead);
    const answer = await post(answersRoute, caseId, {
      field: 'value',
      caseId,
      questionId: '2.1.1',
      value: 'no',
      baseVersion: 0,
      ownerId: world.inspector.id,
    });
    expect(answer).toMatchObject({ status: 409, json: { ok: false, code: 'conflict', reason: 'not_owner' } });
    const details = await post(detailsRoute, caseId, { caseId, baseVersion: 1, agreesWithRosh: true, ownerId: world.inspector.id });
    expect(details).toMatchObject({ status: 409, json: { reason: 'not_owner' } });
    expect(await writesTo(caseId)).toEqual(before);
  });

  it('is saved, as theirs, when its owner is the one signed in', async () => {
    const caseId = world.cases.court.id;
    signedInAs(world.inspector);
    const saved = await post(answersRoute, caseId, {
      field: 'value',
      caseId,
      questionId: '2.1.1',
      value: 'no',
      baseVersion: 0,
      ownerId: world.inspector.id,
    });
    expect(saved).toMatchObject({ status: 200, json: { ok: true, data: { status: 'saved' } } });
    const row = await prisma.answer.findUniqueOrThrow({ where: { caseId_questionId: { caseId, questionId: '2.1.1' } } });
    expect({ value: row.value, updatedById: row.updatedById }).toEqual({ value: 'no', updatedById: world.inspector.id });
  });

  it('is still answered 401 when nobody is signed in', async () => {
    context.user = null;
    const caseId = world.cases.court.id;
    const answer = await post(answersRoute, caseId, {
      field: 'note',
      caseId,
      questionId: '2.1.1',
      note: 'x',
      baseVersion: 1,
      ownerId: world.inspector.id,
    });
    expect(answer).toMatchObject({ status: 401, json: { code: 'signed_out' } });
  });
});
