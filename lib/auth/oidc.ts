import type { PrismaClient } from '@/lib/generated/prisma/client';

type OidcMatch = { ok: true; user: { id: string; email: string; name: string } } | { ok: false; code: 'OidcUnverified' | 'OidcNoAccount' };

/**
 * Matches a person signed in by the organisation's identity provider to a Casemark user: by
 * the email address the provider says it has verified (`email_verified: true`), compared
 * case-insensitively (emails are stored lower-case), and only to an existing, active user.
 * No self-registration: roles stay in Casemark, and a deactivated user is refused here too.
 */
export async function matchOidcUser(db: Pick<PrismaClient, 'user'>, claims: unknown): Promise<OidcMatch> {
  const { email, email_verified: isVerified } = (claims ?? {}) as { email?: unknown; email_verified?: unknown };
  if (isVerified !== true || typeof email !== 'string') return { ok: false, code: 'OidcUnverified' };
  const normalised = email.trim().toLowerCase();
  if (!normalised || normalised.length > 254) return { ok: false, code: 'OidcNoAccount' };
  const user = await db.user.findUnique({ where: { email: normalised }, select: { id: true, email: true, name: true, isActive: true } });
  if (!user || !user.isActive) return { ok: false, code: 'OidcNoAccount' };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
