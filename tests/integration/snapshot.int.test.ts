/**
 * The loaders that promise one snapshot keep it when run through the app's own client
 * (lib/db/client.ts, a lazy Proxy), not only through a plain PrismaClient (issue 10: the Proxy
 * failed a `'$transaction' in db` test, so the panel, the live stream, the table exports and the
 * interchange export all read outside their snapshot, and no test noticed).
 *
 * How it proves it: another session locks `panel_decisions`, the loader starts and blocks on it
 * part-way through its reads; while it waits, that session records a panel decision and commits.
 * Inside one RepeatableRead snapshot (taken at the loader's first read) the decision is invisible;
 * read statement by statement, the blocked read sees it and the figures mix two moments.
 */
import pg from 'pg';
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

import { prisma as appPrisma } from '../../lib/db/client';
import { isRootClient } from '../../lib/db/snapshot';
import { loadPanelData } from '../../lib/panel/load-panel';
import { exportInspection } from '../../lib/interchange/export-inspection';
import * as tableRoute from '../../app/inspections/[inspectionId]/exports/[table]/route';

let prisma: PrismaClient;
let ownerUrl: string;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  const created = await createMigratedDatabase('snapshot');
  prisma = created.prisma;
  ownerUrl = created.ownerUrl;
  // The app's own client is created on first use from this configuration.
  (globalThis as { prisma?: unknown }).prisma = undefined;
  process.env.DATABASE_URL = created.url;
  process.env.NEXTAUTH_SECRET ??= 'snapshot-test-secret-of-at-least-32-characters';
  process.env.NEXTAUTH_URL ??= 'http://localhost:3204';
  world = await seedWorld(prisma);
  // Standard 2.1 has a computed rating (every key question yes on one case), so a panel decision
  // on it changes the figures.
  await prisma.answer.createMany({
    data: ['2.1.1', '2.1.2', '2.1.3'].map((questionId) => ({
      caseId: world.cases.court.id,
      inspectionId: world.inspection.id,
      questionId,
      value: 'yes' as const,
      updatedById: world.inspector.id,
    })),
  });
}, 120_000);

afterAll(async () => {
  await appPrisma.$disconnect().catch(() => {});
  await prisma?.$disconnect();
});

/**
 * Runs `load` while a panel decision is committed between its reads: the other session holds
 * `panel_decisions` until the loader waits on it, then writes and commits.
 */
async function loadWithDecisionCommittedMidway<T>(load: () => Promise<T>): Promise<T> {
  const other = new pg.Client({ connectionString: ownerUrl });
  await other.connect();
  try {
    await other.query('BEGIN');
    await other.query('LOCK TABLE panel_decisions IN ACCESS EXCLUSIVE MODE');
    const loading = load();
    loading.catch(() => {});
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await other.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'panel_decisions'::regclass AND NOT granted`,
      );
      if ((rows[0]?.n ?? 0) > 0) break;
      if (Date.now() > deadline) throw new Error('the loader never read panel_decisions');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const { rows } = await other.query<{ id: string }>(
      `INSERT INTO panel_decisions (id, inspection_id, standard_id, rating, rationale, decided_by_id)
       VALUES (gen_random_uuid(), $1, '2.1', 'inadequate', 'committed while the loader was reading', $2) RETURNING id`,
      [world.inspection.id, world.lead.id],
    );
    await other.query('COMMIT');
    const result = await loading;
    await prisma.panelDecision.delete({ where: { id: rows[0]!.id } });
    return result;
  } finally {
    await other.end();
  }
}

describe('one snapshot through the app’s own client', () => {
  it('knows the app’s client for a root client', () => {
    expect(isRootClient(appPrisma)).toBe(true);
    expect('$transaction' in appPrisma).toBe(true);
  });

  it('loadPanelData reads its figures from one snapshot', async () => {
    const before = await loadPanelData(appPrisma, world.lead, world.inspection.id);
    const during = await loadWithDecisionCommittedMidway(() => loadPanelData(appPrisma, world.lead, world.inspection.id));
    expect(during.decisions).toEqual(before.decisions);
    expect(during.result).toEqual(before.result);
  });

  it('exportInspection reads the document from one snapshot', async () => {
    const before = await exportInspection(appPrisma, world.lead, world.inspection.id);
    const during = await loadWithDecisionCommittedMidway(() => exportInspection(appPrisma, world.lead, world.inspection.id));
    expect(during.panel).toEqual(before.panel);
    expect(during.cases).toEqual(before.cases);
  });

  it('the ratings table export reads from one snapshot', async () => {
    context.user = { ...world.lead, sessionId: 'test', sessionExpiresAt: Date.now() + 60_000 };
    const get = () =>
      tableRoute.GET(new Request('http://localhost/x?format=csv'), {
        params: Promise.resolve({ inspectionId: world.inspection.id, table: 'ratings' }),
      });
    const before = await (await get()).text();
    const during = await loadWithDecisionCommittedMidway(async () => (await get()).text());
    expect(during).toBe(before);
  });

  it('checks the actor inside the snapshot: not found to an outsider, forbidden to an inspector the panel is hidden from', async () => {
    await expect(loadPanelData(appPrisma, world.outsider, world.inspection.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(loadPanelData(appPrisma, world.inspector, world.inspection.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(exportInspection(appPrisma, world.inspector, world.inspection.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(exportInspection(appPrisma, world.manager, world.inspection.id)).resolves.toMatchObject({ cases: expect.any(Array) });
  });
});
