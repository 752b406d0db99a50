import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { SESSION_CHANNEL } from '@/lib/realtime/channel';

type SessionMethod = 'password' | 'oidc';
type SessionEndReason = 'sign_out' | 'password_reset' | 'deactivated';

type Db = Pick<PrismaClient, 'userSession' | '$executeRaw' | '$queryRaw'> | Prisma.TransactionClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user behind a live session, as every page, action and route sees them. */
interface LiveSession {
  sessionId: string;
  expiresAt: Date;
  user: { id: string; email: string; name: string; isAdmin: boolean };
}

/**
 * Starts a session at sign-in. Its end is absolute (sign-in plus `hours`): nothing extends it,
 * so a stolen cookie cannot be kept alive by calling /api/auth/session.
 */
export async function startSession(
  db: Db,
  userId: string,
  method: SessionMethod,
  hours: number,
  now: Date = new Date(),
): Promise<{ id: string; expiresAt: Date }> {
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + hours * 60 * 60 * 1000);
  await db.userSession.create({ data: { id, userId, method, createdAt: now, expiresAt } });
  return { id, expiresAt };
}

/**
 * The session if it is live: not ended, not past its end, its user active and not reset
 * since. It runs on every request, so it is one query: a primary-key lookup joined to the
 * user's primary key (measured in tests/integration/sessions.int.test.ts).
 */
export async function findLiveSession(db: Db, sessionId: unknown, now: Date = new Date()): Promise<LiveSession | null> {
  if (typeof sessionId !== 'string' || !UUID.test(sessionId)) return null;
  const rows = await db.$queryRaw<{ id: string; expires_at: Date; user_id: string; email: string; name: string; is_admin: boolean }[]>`
    SELECT s.id, s.expires_at, u.id AS user_id, u.email, u.name, u.is_admin
    FROM user_sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = ${sessionId}::uuid
      AND s.ended_at IS NULL
      AND s.expires_at > ${now}
      AND u.is_active
      AND (u.sessions_valid_from IS NULL OR s.created_at >= u.sessions_valid_from)`;
  const row = rows[0];
  if (!row) return null;
  return {
    sessionId: row.id,
    expiresAt: row.expires_at,
    user: { id: row.user_id, email: row.email, name: row.name, isAdmin: row.is_admin },
  };
}

/** Ends one session (signing out), and tells its open ratings-panel streams at once. */
export async function endSession(db: Db, sessionId: unknown, reason: SessionEndReason = 'sign_out'): Promise<void> {
  if (typeof sessionId !== 'string' || !UUID.test(sessionId)) return;
  const ended = await db.userSession.updateManyAndReturn({
    where: { id: sessionId, endedAt: null },
    data: { endedAt: new Date(), endReason: reason },
    select: { userId: true },
  });
  for (const { userId } of ended) await notifySessionsEnded(db, userId);
}

/**
 * Ends every open session of a user (password reset, deactivation). Run inside the
 * transaction that makes the change: the notification is delivered on commit, and a later
 * reactivation finds these sessions ended for good.
 */
export async function endUserSessions(tx: Db, userId: string, reason: SessionEndReason): Promise<number> {
  const { count } = await tx.userSession.updateMany({
    where: { userId, endedAt: null },
    data: { endedAt: new Date(), endReason: reason },
  });
  await notifySessionsEnded(tx, userId);
  return count;
}

/** Every app server's listener hears this and re-checks that user's open streams. */
function notifySessionsEnded(db: Db, userId: string) {
  return db.$executeRaw`SELECT pg_notify(${SESSION_CHANNEL}, ${userId})`;
}
