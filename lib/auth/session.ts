import 'server-only';
import { cache } from 'react';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { prisma } from '@/lib/db/client';
import { getServerEnv } from '@/lib/env';
import type { Actor } from './permissions';

export interface SessionUser extends Actor {
  email: string;
  name: string;
  /** When the session ends (ms since the epoch). */
  sessionExpiresAt: number;
}

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/**
 * The signed-in user: the session cookie's JWT is decrypted and checked for expiry (what
 * next-auth's getServerSession does, without re-issuing the token on every request), then the
 * user is re-read from the database so that a deactivated account, a revoked admin flag or a
 * password reset (which ends earlier sessions) takes effect at once. Null when signed out.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Reading cookies also makes every page that asks per request, never prerendered.
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!token) return null;
  let id: string | undefined;
  let expiresAt = 0;
  let issuedAt = 0;
  try {
    const payload = await decode({ token, secret: getServerEnv().NEXTAUTH_SECRET });
    id = typeof payload?.sub === 'string' ? payload.sub : undefined;
    expiresAt = typeof payload?.exp === 'number' ? payload.exp * 1000 : 0;
    issuedAt = typeof payload?.issuedAtMs === 'number' ? payload.issuedAtMs : typeof payload?.iat === 'number' ? payload.iat * 1000 : 0;
  } catch {
    return null; // expired, tampered with, or signed with another secret
  }
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, isAdmin: true, isActive: true, sessionsValidFrom: true },
  });
  if (!user || !user.isActive) return null;
  if (user.sessionsValidFrom && issuedAt < user.sessionsValidFrom.getTime()) return null;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, sessionExpiresAt: expiresAt };
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : '/sign-in');
  return user;
}
