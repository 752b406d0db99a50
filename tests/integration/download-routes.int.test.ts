/**
 * The shared prologue and file response of the inspection download routes
 * (lib/http/inspection-route.ts), through the routes themselves against a real PostgreSQL: who
 * gets 401, who gets the not-found answer, and the headers of the file.
 */
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
import * as tableRoute from '../../app/inspections/[inspectionId]/exports/[table]/route';
import * as interchangeRoute from '../../app/inspections/[inspectionId]/exports/interchange/route';
import * as importTemplateRoute from '../../app/inspections/[inspectionId]/setup/import/template/route';
import * as sampleTemplateRoute from '../../app/inspections/[inspectionId]/setup/sample/template/route';

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  const created = await createMigratedDatabase('downloads');
  prisma = created.prisma;
  // The app's own client (lib/db/client.ts) is created on first use from this configuration.
  process.env.DATABASE_URL = created.url;
  process.env.NEXTAUTH_SECRET ??= 'download-routes-test-secret-of-at-least-32-characters';
  process.env.NEXTAUTH_URL ??= 'http://localhost:3112';
  world = await seedWorld(prisma);
}, 120_000);

afterAll(async () => {
  await appPrisma.$disconnect().catch(() => {});
  await prisma?.$disconnect();
});

const as = (user: { id: string; email: string; name: string; isAdmin: boolean } | null) => {
  context.user = user && { ...user, sessionId: 'test', sessionExpiresAt: Date.now() + 60_000 };
};
type Params = { inspectionId: string; table: string };
const get = (
  route: { GET: (request: Request, context: { params: Promise<Params> }) => Promise<Response> },
  path: string,
  params: Partial<Params> = {},
) =>
  route.GET(new Request(`http://localhost${path}`), {
    params: Promise.resolve({ inspectionId: world.inspection.id, table: '', ...params }),
  });

describe('inspection download routes', () => {
  it('asks someone signed out to sign in for an export, and answers not found for a template', async () => {
    as(null);
    const exportResponse = await get(tableRoute, '/x?format=csv', { table: 'ratings' });
    expect(exportResponse.status).toBe(401);
    expect(await exportResponse.text()).toBe('Sign in to download exports.');
    expect((await get(sampleTemplateRoute, '/x')).status).toBe(404);
    expect((await get(importTemplateRoute, '/x')).status).toBe(404);
  });

  it('answers not found to anyone who may not have the file', async () => {
    as(world.outsider);
    expect((await get(tableRoute, '/x?format=csv', { table: 'ratings' })).status).toBe(404);
    as(world.manager);
    expect((await get(interchangeRoute, '/x')).status).toBe(404); // managers may export, not manage
    expect((await get(sampleTemplateRoute, '/x')).status).toBe(404);
    as(world.lead);
    expect((await get(tableRoute, '/x?format=csv', { table: 'no-such-table' })).status).toBe(404);
  });

  it('sends the file as an attachment that no shared cache keeps', async () => {
    as(world.manager);
    const table = await get(tableRoute, '/x?format=csv', { table: 'ratings' });
    expect(table.status).toBe(200);
    expect(table.headers.get('Cache-Control')).toBe('private, no-store');
    expect(table.headers.get('Content-Disposition')).toMatch(/^attachment; filename="[a-z0-9-]+\.csv"$/);

    as(world.lead);
    const template = await get(importTemplateRoute, '/x');
    expect(template.status).toBe(200);
    expect(template.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(template.headers.get('Content-Disposition')).toBe('attachment; filename="casemark-case-sample-template.csv"');
    expect(template.headers.get('Cache-Control')).toBe('no-store');
    const bytes = new Uint8Array(await template.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte order mark Excel needs
    expect(new TextDecoder().decode(bytes)).toContain('reference,type,disposal');
  });
});
