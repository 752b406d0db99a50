import 'server-only';
import { isUuid } from '@/lib/validation/ids';
import { notFound } from 'next/navigation';
import { prisma } from '@/lib/db/client';
import { can, type Actor } from '@/lib/auth/permissions';
import { requireUser, type SessionUser } from '@/lib/auth/session';

/** For admin pages: the signed-in admin, or the not-found page for anyone else. */
export async function requireAdmin(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!can(user, 'admin.manage')) notFound();
  return user;
}

/** Every read here is for admins only: the pages check with requireAdmin, and so does each read. */
function refuseUnlessAdmin(actor: Actor): void {
  if (!can(actor, 'admin.manage')) notFound();
}

export async function listUsersForAdmin(actor: Actor) {
  refuseUnlessAdmin(actor);
  return prisma.user.findMany({
    orderBy: [{ isActive: 'desc' }, { name: 'asc' }, { email: 'asc' }],
    select: { id: true, email: true, name: true, isAdmin: true, isActive: true, _count: { select: { memberships: true } } },
  });
}

export async function findUserForAdmin(actor: Actor, userId: string) {
  refuseUnlessAdmin(actor);
  if (!isUuid(userId)) return null;
  return prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      isAdmin: true,
      isActive: true,
      createdAt: true,
      memberships: {
        orderBy: { inspection: { fieldworkStart: 'desc' } },
        select: {
          role: true,
          inspection: {
            select: { id: true, fieldworkStart: true, fieldworkEnd: true, fieldworkMonthOnly: true, service: { select: { name: true } } },
          },
        },
      },
    },
  });
}

export async function listServicesForAdmin(actor: Actor) {
  refuseUnlessAdmin(actor);
  return prisma.service.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, localAuthority: true, region: true, _count: { select: { inspections: true } } },
  });
}

export async function findServiceForAdmin(actor: Actor, serviceId: string) {
  refuseUnlessAdmin(actor);
  if (!isUuid(serviceId)) return null;
  return prisma.service.findUnique({ where: { id: serviceId }, select: { id: true, name: true, localAuthority: true, region: true } });
}
