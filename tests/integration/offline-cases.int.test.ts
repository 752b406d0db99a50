import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { loadInspectionAccess } from '../../lib/access/context';
import { saveAnswer } from '../../lib/marking/save-answer';
import { loadOfflineCases } from '../../lib/offline/offline-manifest';
import { createMigratedDatabase } from './test-database';
import { seedWorld } from './world';

// Issue 11, "Open cases with no connection": which cases the inspection page makes available
// offline, and when a kept case must be fetched again.

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('offline_cases'));
  // lib/data and lib/offline read through the app's client singleton: point it at this database.
  (globalThis as unknown as { prisma?: PrismaClient }).prisma = prisma;
  world = await seedWorld(prisma);
});
afterAll(async () => {
  await prisma?.$disconnect();
});

const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });

async function offlineCasesOf(user: { id: string; isAdmin: boolean }) {
  const inspection = await loadInspectionAccess(prisma, actor(user), world.inspection.id);
  if (!inspection) return null;
  return (await loadOfflineCases(actor(user), inspection)).cases;
}

describe('loadOfflineCases', () => {
  it('gives an inspector every page of each case allocated to them, and nothing of anyone else’s', async () => {
    const cases = (await offlineCasesOf(world.inspector))!;
    expect(cases.map((c) => c.reference).sort()).toEqual(['C-1', 'O-1', 'O-2']);
    const court = cases.find((c) => c.id === world.cases.court.id)!;
    const base = `/inspections/${world.inspection.id}/cases/${world.cases.court.id}`;
    expect(court.paths[0]).toBe(base);
    expect(court.paths.at(-1)).toBe(`${base}/check`);
    expect(court.paths.filter((p) => p.startsWith(`${base}/standards/`)).length).toBeGreaterThanOrEqual(4);
    expect(cases.some((c) => c.id === world.cases.othersCase.id)).toBe(false);
    const inspection = (await loadInspectionAccess(prisma, actor(world.inspector), world.inspection.id))!;
    expect((await loadOfflineCases(actor(world.inspector), inspection)).allocatedCount).toBe(3);
  });

  it('gives the lead, the manager and an admin only cases allocated to them, never the whole sample', async () => {
    expect(await offlineCasesOf(world.lead)).toEqual([]);
    expect(await offlineCasesOf(world.manager)).toEqual([]);
    expect(await offlineCasesOf(world.admin)).toEqual([]);
    expect(await offlineCasesOf(world.outsider)).toBeNull(); // not on the team: no inspection at all
    await prisma.case.update({ where: { id: world.cases.othersCase.id }, data: { inspectorId: world.lead.id } });
    try {
      expect((await offlineCasesOf(world.lead))!.map((c) => c.reference)).toEqual(['C-2']);
    } finally {
      await prisma.case.update({ where: { id: world.cases.othersCase.id }, data: { inspectorId: world.otherInspector.id } });
    }
  });

  it('keeps a case’s fingerprint while nothing changes, and changes it when an answer is saved', async () => {
    const before = (await offlineCasesOf(world.inspector))!;
    expect((await offlineCasesOf(world.inspector))!).toEqual(before);
    await saveAnswer(prisma, actor(world.inspector), {
      field: 'value',
      caseId: world.cases.ycc.id,
      questionId: '3.1.1',
      value: 'yes',
      baseVersion: 0,
    });
    const after = (await offlineCasesOf(world.inspector))!;
    const fingerprint = (list: typeof after, id: string) => list.find((c) => c.id === id)?.fingerprint;
    expect(fingerprint(after, world.cases.ycc.id)).not.toBe(fingerprint(before, world.cases.ycc.id));
    expect(fingerprint(after, world.cases.court.id)).toBe(fingerprint(before, world.cases.court.id));
  });

  it('keeps nothing outside fieldwork, when no case can be marked', async () => {
    await prisma.inspection.update({ where: { id: world.inspection.id }, data: { status: 'panel' } });
    try {
      expect(await offlineCasesOf(world.inspector)).toEqual([]);
    } finally {
      await prisma.inspection.update({ where: { id: world.inspection.id }, data: { status: 'fieldwork' } });
    }
  });
});
