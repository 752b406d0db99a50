import type { Prisma } from '@/lib/generated/prisma/client';
import { can, type Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

type Tx = Prisma.TransactionClient;

/**
 * Refuses anyone who is not an admin now: the permission, then the account as stored, so an
 * admin flag removed (or an account deactivated) a moment ago counts inside this transaction.
 */
export async function requireActiveAdmin(tx: Tx, actor: Actor, message = 'Only admins can manage users and services.'): Promise<void> {
  if (!can(actor, 'admin.manage')) throw new AppError('forbidden', message);
  const stored = await tx.user.findUnique({ where: { id: actor.id }, select: { isAdmin: true, isActive: true } });
  if (!stored?.isAdmin || !stored.isActive) throw new AppError('forbidden', message);
}
