import 'server-only';
import { isUuid } from '@/lib/validation/ids';
import { notFound } from 'next/navigation';
import { prisma } from '@/lib/db/client';
import { can } from '@/lib/auth/permissions';
import { requireUser, type SessionUser } from '@/lib/auth/session';

/** For admin pages: the signed-in admin, or the not-found page for anyone else. */
export async function requireAdmin(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!can(user, 'admin.manage')) notFound();
  return user;
}

export async function listUsersForAdmin() {
  return prisma.user.findMany({
    orderBy: [{ isActive: 'desc' }, { name: 'asc' }, { email: 'asc' }],
    select: { id: true, email: true, name: true, isAdmin: true, isActive: true, _count: { select: { memberships: true } } },
  });
}

export async function findUserForAdmin(userId: string) {
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
          inspection: { select: { id: true, fieldworkStart: true, fieldworkEnd: true, service: { select: { name: true } } } },
        },
      },
    },
  });
}

export async function listServicesForAdmin() {
  return prisma.service.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, localAuthority: true, region: true, _count: { select: { inspections: true } } },
  });
}

export async function findServiceForAdmin(serviceId: string) {
  if (!isUuid(serviceId)) return null;
  return prisma.service.findUnique({ where: { id: serviceId }, select: { id: true, name: true, localAuthority: true, region: true } });
}
