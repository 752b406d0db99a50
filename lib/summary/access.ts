/**
 * Who may open the summary across inspections: admins, and anyone who leads or manages at least
 * one inspection (the roles that may export, read from the permission module). What each of
 * them then sees is scoped in the query (lib/summary/load-summary.ts), never here.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/auth/permissions';
import { mayOnEveryInspection, rolesAllowed } from '@/lib/access/scope';

export async function canViewSummary(db: PrismaClient, actor: Actor): Promise<boolean> {
  if (mayOnEveryInspection(actor, 'export.download')) return true;
  const membership = await db.inspectionMember.findFirst({
    where: { userId: actor.id, role: { in: rolesAllowed('export.download') } },
    select: { inspectionId: true },
  });
  return membership !== null;
}
