/**
 * Sessions that really end (issue 9, section 2), against a real PostgreSQL: the server-side
 * session store every request goes through, the admin changes that end sessions, and the
 * revocation notification that ends open ratings-panel streams.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetPassword, setUserActive } from '../../lib/admin/users';
import { endSession, findLiveSession, startSession } from '../../lib/auth/sessions';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { InspectionChangeHub } from '../../lib/realtime/listener';
import { createMigratedDatabase } from './test-database';
import { seedWorld } from './world';

let prisma: PrismaClient;
let url: string;
let world: Awaited<ReturnType<typeof seedWorld>>;
let hub: InspectionChangeHub;

beforeAll(async () => {
  ({ prisma, url } = await createMigratedDatabase('sessions'));
  world = await seedWorld(prisma);
  hub = new InspectionChangeHub(() => url);
  await hub.whenListening();
});
afterAll(async () => {
  await hub?.close();
  await prisma?.$disconnect();
});

const admin = () => ({ id: world.admin.id, isAdmin: true });

/** Resolves when the hub hears that a session of `userId` ended; rejects after `ms`. */
function sessionEndHeard(userId: string, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('no session-ended notification'));
    }, ms);
    const unsubscribe = hub.subscribeSessionEnded(userId, () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

describe('server-side sessions', () => {
  it('a session is live until signed out; a replayed session id is refused afterwards', async () => {
    const session = await startSession(prisma, world.inspector.id, 'password', 10);
    expect(await findLiveSession(prisma, session.id)).toMatchObject({ sessionId: session.id, user: { id: world.inspector.id } });
    const heard = sessionEndHeard(world.inspector.id);
    await endSession(prisma, session.id, 'sign_out');
    await heard;
    expect(await findLiveSession(prisma, session.id)).toBeNull();
    expect(await prisma.userSession.findUnique({ where: { id: session.id } })).toMatchObject({ endReason: 'sign_out' });
  });

  it('signing out ends only that session, not the same user’s other browsers', async () => {
    const [a, b] = await Promise.all([
      startSession(prisma, world.manager.id, 'password', 10),
      startSession(prisma, world.manager.id, 'oidc', 10),
    ]);
    await endSession(prisma, a.id);
    expect(await findLiveSession(prisma, a.id)).toBeNull();
    expect(await findLiveSession(prisma, b.id)).not.toBeNull();
  });

  it('ends at sign-in plus CASEMARK_SESSION_HOURS however often it is used', async () => {
    const signedInAt = new Date(Date.now() - 9 * 60 * 60 * 1000);
    const session = await startSession(prisma, world.lead.id, 'password', 10, signedInAt);
    for (let i = 0; i < 5; i++) expect(await findLiveSession(prisma, session.id)).not.toBeNull();
    const row = await prisma.userSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.expiresAt.getTime()).toBe(signedInAt.getTime() + 10 * 60 * 60 * 1000);
    expect(await findLiveSession(prisma, session.id, new Date(row.expiresAt.getTime() - 1))).not.toBeNull();
    expect(await findLiveSession(prisma, session.id, row.expiresAt)).toBeNull();
  });

  it('refuses ids that are not sessions', async () => {
    for (const id of [undefined, null, 42, '', '------------------------------------', '00000000-0000-0000-0000-000000000000']) {
      expect(await findLiveSession(prisma, id)).toBeNull();
    }
  });

  it('a password reset ends every session of the user at once, and tells the listeners', async () => {
    const user = await prisma.user.create({ data: { email: `reset-${Date.now()}@int.example`, name: 'Reset Me', passwordHash: 'x' } });
    const sessions = await Promise.all([startSession(prisma, user.id, 'password', 10), startSession(prisma, user.id, 'oidc', 10)]);
    const heard = sessionEndHeard(user.id);
    await resetPassword(prisma, admin(), { userId: user.id, password: 'a-brand-new-password' });
    await heard;
    for (const s of sessions) expect(await findLiveSession(prisma, s.id)).toBeNull();
    expect(await prisma.userSession.count({ where: { userId: user.id, endReason: 'password_reset' } })).toBe(2);
    // A sign-in after the reset is live.
    const fresh = await startSession(prisma, user.id, 'password', 10);
    expect(await findLiveSession(prisma, fresh.id)).not.toBeNull();
  });

  it('a deactivation ends every session, tells the listeners, and reactivation does not revive them', async () => {
    const user = await prisma.user.create({ data: { email: `leaver-${Date.now()}@int.example`, name: 'Leaver', passwordHash: 'x' } });
    const before = await startSession(prisma, user.id, 'password', 10);
    const heard = sessionEndHeard(user.id);
    await setUserActive(prisma, admin(), { userId: user.id, isActive: false });
    await heard;
    expect(await findLiveSession(prisma, before.id)).toBeNull();
    expect(await prisma.userSession.findUnique({ where: { id: before.id } })).toMatchObject({ endReason: 'deactivated' });

    await setUserActive(prisma, admin(), { userId: user.id, isActive: true });
    expect(await findLiveSession(prisma, before.id)).toBeNull();
    const after = await startSession(prisma, user.id, 'password', 10);
    expect(await findLiveSession(prisma, after.id)).not.toBeNull();
  });

  it('a deactivated user’s session is refused even before any row is ended (belt and braces)', async () => {
    const user = await prisma.user.create({ data: { email: `inactive-${Date.now()}@int.example`, name: 'Inactive', passwordHash: 'x' } });
    const session = await startSession(prisma, user.id, 'password', 10);
    await prisma.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await findLiveSession(prisma, session.id)).toBeNull();
  });

  it('the check on every request is one cheap primary-key lookup (measured)', async () => {
    const session = await startSession(prisma, world.lead.id, 'password', 10);
    // Enough other sessions that a sequential scan would show.
    await prisma.userSession.createMany({
      data: Array.from({ length: 5000 }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        userId: world.inspector.id,
        method: 'password',
        expiresAt: new Date(Date.now() + 3600_000),
      })),
    });
    await prisma.$executeRawUnsafe('ANALYZE user_sessions');
    const plan = await prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN SELECT s.id, s.expires_at, s.ended_at, u.is_active FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1::uuid`,
      session.id,
    );
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Scan using user_sessions_pkey/);
    const runs = 500;
    const time = async (run: () => Promise<unknown>) => {
      const started = performance.now();
      for (let i = 0; i < runs; i++) await run();
      return (performance.now() - started) / runs;
    };
    // Before issue 9 every request read the user by id; now it reads session and user together.
    const userOnlyMs = await time(() => prisma.user.findUnique({ where: { id: world.lead.id }, select: { id: true, isActive: true } }));
    const sessionMs = await time(() => findLiveSession(prisma, session.id));
    console.log(
      `per-request session check: ${sessionMs.toFixed(3)} ms (session + user, one query) vs ${userOnlyMs.toFixed(3)} ms (the former user-only read), ${runs} runs, 5,000 other sessions`,
    );
    expect(sessionMs).toBeLessThan(20);
  });
});
