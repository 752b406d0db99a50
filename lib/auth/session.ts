import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { prisma } from '@/lib/db/client';
import { getAuthOptions } from './options';
import type { Actor } from './permissions';

export interface SessionUser extends Actor {
  email: string;
  name: string;
}

/**
 * The signed-in user, re-read from the database on every request so that a deactivated
 * account or a revoked admin flag takes effect at once. Null when signed out.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Per request, never prerendered: who is asking decides what the page shows.
  await connection();
  const session = await getServerSession(getAuthOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, isAdmin: true, isActive: true },
  });
  if (!user || !user.isActive) return null;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : '/sign-in');
  return user;
}
