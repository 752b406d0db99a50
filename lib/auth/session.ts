import 'server-only';
import { cache } from 'react';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { prisma } from '@/lib/db/client';
import { getServerEnv } from '@/lib/env';
import type { Actor } from './permissions';
import { findLiveSession } from './sessions';

export interface SessionUser extends Actor {
  email: string;
  name: string;
  /** The server-side session (user_sessions.id) this request belongs to. */
  sessionId: string;
  /** When the session ends (ms since the epoch): sign-in plus CASEMARK_SESSION_HOURS, never extended. */
  sessionExpiresAt: number;
}

export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** The session id (`sid`) of the request's session cookie, when its JWT is genuine and unexpired. */
export async function readSessionId(): Promise<string | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: getServerEnv().NEXTAUTH_SECRET });
    return typeof payload?.sid === 'string' ? payload.sid : null;
  } catch {
    return null; // expired, tampered with, or signed with another secret
  }
}

/**
 * The signed-in user: the session cookie's JWT is decrypted and checked for expiry (what
 * next-auth's getServerSession does, without re-issuing the token on every request), then its
 * session id is looked up in user_sessions with the user (one primary-key lookup): a signed-out,
 * expired, reset or deactivated session is refused at once, so a replayed cookie opens nothing.
 * Null when signed out.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Reading cookies also makes every page that asks per request, never prerendered.
  const sessionId = await readSessionId();
  if (!sessionId) return null;
  const session = await findLiveSession(prisma, sessionId);
  if (!session) return null;
  return { ...session.user, sessionId: session.sessionId, sessionExpiresAt: session.expiresAt.getTime() };
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : '/sign-in');
  return user;
}
