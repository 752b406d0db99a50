/**
 * Issue 23, "through which route — marking, import, reconciliation, offline replay": a change the
 * on-device outbox replays (the X-Casemark-Replay header, lib/marking/save-client.ts) is recorded
 * as offline replay, an ordinary save as marking, on the case's history and in the audit export.
 * The header only labels: a forged value is refused and writes nothing, and with a good one the
 * save is still refused to anyone who may not mark the case.
 */
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createMigratedDatabase } from './test-database';
import { seedWorld } from './world';

type Identity = { id: string; email: string; name: string; isAdmin: boolean; sessionId: string; sessionExpiresAt: number } | null;
const context = vi.hoisted(() => ({ user: null as Identity }));
vi.mock('@/lib/auth/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth/session')>()),
  getSessionUser: async () => context.user,
}));
const emptyCookies = { getAll: () => [], get: () => undefined, has: () => false, set: () => {}, delete: () => {} };
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => emptyCookies }));
const nodeRequire = createRequire(import.meta.url);
const nextHeaders = nodeRequire('next/headers') as { headers: unknown; cookies: unknown };
nextHeaders.headers = async () => new Headers();
nextHeaders.cookies = async () => emptyCookies;

const answersRoute = await import('../../app/inspections/[inspectionId]/cases/[caseId]/answers/route');
const detailsRoute = await import('../../app/inspections/[inspectionId]/cases/[caseId]/details/route');
const auditRoute = await import('../../app/inspections/[inspectionId]/exports/audit/route');
const { loadAuditTrail } = await import('../../lib/audit/history');
const { loadInspectionAccess } = await import('../../lib/access/context');

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('offline_replay'));
  (globalThis as unknown as { prisma?: PrismaClient }).prisma = prisma;
  world = await seedWorld(prisma);
});
afterAll(async () => {
  await prisma?.$disconnect();
});

async function signIn(u: { id: string; email: string; name: string; isAdmin: boolean }) {
  const sessionId = randomUUID();
  const expiresAt = new Date(Date.now() + 3_600_000);
  await prisma.userSession.create({ data: { id: sessionId, userId: u.id, method: 'password', expiresAt } });
  context.user = { ...u, sessionId, sessionExpiresAt: expiresAt.getTime() };
}

type SaveRouteModule = {
  POST: (r: Request, c: { params: Promise<{ inspectionId: string; caseId: string }> }) => Promise<Response>;
};

async function post(route: SaveRouteModule, caseId: string, body: object, replay?: string, madeAt?: string) {
  const request = new Request(`http://casemark.test/inspections/${world.inspection.id}/cases/${caseId}/x`, {
    method: 'POST',
    headers: {
      host: 'casemark.test',
      origin: 'http://casemark.test',
      'content-type': 'application/json',
      ...(replay === undefined ? {} : { 'x-casemark-replay': replay }),
      ...(madeAt === undefined ? {} : { 'x-casemark-made-at': madeAt }),
    },
    body: JSON.stringify(body),
  });
  const response = await route.POST(request, { params: Promise.resolve({ inspectionId: world.inspection.id, caseId }) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const writesTo = async (caseId: string) => ({
  answers: await prisma.answer.findMany({ where: { caseId }, orderBy: { questionId: 'asc' } }),
  audit: await prisma.auditEntry.count({ where: { inspectionId: world.inspection.id } }),
  caseVersion: (await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version,
});

const historyOf = async (caseId: string) => {
  const access = await loadInspectionAccess(prisma, { id: world.lead.id, isAdmin: false }, world.inspection.id);
  if (!access) throw new Error('expected the lead’s access');
  return loadAuditTrail(access, { caseId });
};

describe('the route of a marking save', () => {
  it('records an ordinary save as marking and a replayed one as offline replay, on the history and in the export', async () => {
    const caseId = world.cases.court.id;
    await signIn(world.inspector);
    const online = await post(answersRoute, caseId, { field: 'value', caseId, questionId: '2.1.1', value: 'yes', baseVersion: 0 });
    expect(online).toMatchObject({ status: 200, json: { ok: true, data: { status: 'saved' } } });
    const replayed = await post(
      answersRoute,
      caseId,
      { field: 'value', caseId, questionId: '2.1.1', value: 'no', baseVersion: 1, ownerId: world.inspector.id },
      'outbox',
      // Made on the device earlier, by its clock (an offset is read as the time it names).
      '2026-11-20T09:15:00+01:00',
    );
    expect(replayed).toMatchObject({ status: 200, json: { ok: true, data: { status: 'saved' } } });
    const note = await post(
      answersRoute,
      caseId,
      { field: 'note', caseId, questionId: '2.1.1', note: 'Plan late', baseVersion: 2 },
      'outbox',
    );
    expect(note.status).toBe(200);
    const details = await post(detailsRoute, caseId, { caseId, baseVersion: 1, agreesWithRosh: true }, 'outbox');
    expect(details).toMatchObject({ status: 200, json: { ok: true, data: { status: 'saved' } } });
    const detailsOnline = await post(detailsRoute, caseId, { caseId, baseVersion: 2, agreesWithSafety: false });
    expect(detailsOnline.status).toBe(200);

    const entries = await prisma.auditEntry.findMany({
      where: { inspectionId: world.inspection.id, action: { in: ['answer.value', 'answer.note', 'case.details'] } },
      orderBy: { id: 'asc' },
      select: { action: true, newValue: true, actorId: true },
    });
    expect(entries).toEqual([
      { action: 'answer.value', newValue: { value: 'yes', naReason: null }, actorId: world.inspector.id },
      {
        action: 'answer.value',
        newValue: { value: 'no', naReason: null, source: 'outbox', madeAt: '2026-11-20T08:15:00.000Z' },
        actorId: world.inspector.id,
      },
      { action: 'answer.note', newValue: { note: 'Plan late', source: 'outbox' }, actorId: world.inspector.id },
      { action: 'case.details', newValue: { agreesWithRosh: true, source: 'outbox' }, actorId: world.inspector.id },
      { action: 'case.details', newValue: { agreesWithSafety: false }, actorId: world.inspector.id },
    ]);

    const history = await historyOf(caseId);
    expect(history.map((r) => r.madeOnDeviceAt)).toEqual([null, new Date('2026-11-20T08:15:00Z'), null, null, null]);
    expect(history.map((r) => ({ action: r.action, from: r.from, to: r.to, route: r.route, who: r.who }))).toEqual([
      { action: 'answer.value', from: '', to: 'Yes', route: 'Marking', who: world.inspector.name },
      { action: 'answer.value', from: 'Yes', to: 'No', route: 'Offline replay', who: world.inspector.name },
      { action: 'answer.note', from: 'No note', to: 'Note: Plan late', route: 'Offline replay', who: world.inspector.name },
      { action: 'case.details', from: 'agreesWithRosh: —', to: 'agreesWithRosh: true', route: 'Offline replay', who: world.inspector.name },
      { action: 'case.details', from: 'agreesWithSafety: —', to: 'agreesWithSafety: false', route: 'Marking', who: world.inspector.name },
    ]);

    await signIn(world.lead);
    const response = await auditRoute.GET(new Request('http://casemark.test/x'), {
      params: Promise.resolve({ inspectionId: world.inspection.id }),
    });
    expect(response.status).toBe(200);
    const csv = (await response.text()).split(/\r?\n/);
    expect(csv.filter((line) => line.includes(',C-1,Answer,2.1.1,')).map((line) => line.split(',').at(-2))).toEqual([
      'Marking',
      'Offline replay',
    ]);
    // The second column: when the replayed change was made on the device.
    expect(csv[0]?.split(',')[1]).toBe('Made on the device (UTC by its clock)');
    expect(csv.filter((line) => line.includes(',C-1,Answer,2.1.1,')).map((line) => line.split(',')[1])).toEqual([
      '',
      '2026-11-20T08:15:00.000Z',
    ]);
  });

  it('refuses a forged header value and writes nothing', async () => {
    const caseId = world.cases.youthCaution.id;
    await signIn(world.inspector);
    const before = await writesTo(caseId);
    for (const forged of ['yes', 'import', 'outbox, outbox', '']) {
      const answer = await post(
        answersRoute,
        caseId,
        { field: 'value', caseId, questionId: '3.1.1', value: 'yes', baseVersion: 0 },
        forged,
      );
      expect(answer).toMatchObject({ status: 400, json: { ok: false, code: 'invalid' } });
      const details = await post(detailsRoute, caseId, { caseId, baseVersion: 1, agreesWithRosh: true }, forged);
      expect(details).toMatchObject({ status: 400, json: { ok: false, code: 'invalid' } });
    }
    // A made-on-device time that is not a time is refused the same way.
    for (const madeAt of ['yesterday', '2026-11-20', '2026-11-20T09:15:00', '2026-11-20T09:15:00Z, 2026-11-21T09:15:00Z']) {
      const answer = await post(
        answersRoute,
        caseId,
        { field: 'value', caseId, questionId: '3.1.1', value: 'yes', baseVersion: 0 },
        'outbox',
        madeAt,
      );
      expect(answer).toMatchObject({ status: 400, json: { ok: false, code: 'invalid' } });
    }
    expect(await writesTo(caseId)).toEqual(before);
  });

  it('lets nothing through that an ordinary save would not: another inspector’s case, a manager, an owner not signed in', async () => {
    const caseId = world.cases.court.id;
    const before = await writesTo(caseId);
    const change = { field: 'value', caseId, questionId: '2.1.2', value: 'yes', baseVersion: 0 };
    await signIn(world.otherInspector);
    expect((await post(answersRoute, caseId, change, 'outbox')).json).toMatchObject({ ok: false });
    expect((await post(detailsRoute, caseId, { caseId, baseVersion: 3, agreesWithRosh: false }, 'outbox')).json).toMatchObject({
      ok: false,
    });
    await signIn(world.manager);
    expect((await post(answersRoute, caseId, change, 'outbox')).json).toMatchObject({ ok: false });
    await signIn(world.lead);
    expect(await post(answersRoute, caseId, { ...change, ownerId: world.inspector.id }, 'outbox')).toMatchObject({
      status: 409,
      json: { reason: 'not_owner' },
    });
    context.user = null;
    expect((await post(answersRoute, caseId, change, 'outbox')).status).toBe(401);
    expect(await writesTo(caseId)).toEqual(before);
  });
});
