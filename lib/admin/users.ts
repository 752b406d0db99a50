import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/auth/permissions';
import { hashPassword } from '@/lib/auth/password';
import { endUserSessions } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { createUser } from '@/lib/users/create-user';
import { ZResetPassword, ZSetUserActive, ZSetUserAdmin } from '@/lib/validation/admin';
import { parseOrThrow } from '@/lib/validation/parse';
import { requireActiveAdmin } from './guard';
import { writeAudit } from '@/lib/audit/write';

/** Creates a user with an initial password (admins only). Audited by createUser. */
export async function createUserAsAdmin(db: PrismaClient, actor: Actor, input: unknown) {
  await db.$transaction((tx) => requireActiveAdmin(tx, actor));
  return createUser(db, input, actor.id);
}

async function findUserOrThrow(tx: Prisma.TransactionClient, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, isAdmin: true, isActive: true } });
  if (!user) throw new AppError('not_found', 'This user does not exist.');
  return user;
}

/** Refuses a change that would leave no active admin (locks the admins so two at once cannot). */
async function refuseIfLastAdmin(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE is_admin AND is_active FOR UPDATE`;
  if (admins.length === 1 && admins[0]?.id === userId) {
    throw new AppError('forbidden', 'This is the last active admin: make someone else an admin first.');
  }
}

/** Sets a new password for a user (admins only). The audit entry records that, never the password. */
export async function resetPassword(db: PrismaClient, actor: Actor, input: unknown): Promise<void> {
  const { userId, password } = parseOrThrow(ZResetPassword, input);
  // Refused before the (deliberately slow) hash for anyone who is not an admin.
  await db.$transaction((tx) => requireActiveAdmin(tx, actor));
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await requireActiveAdmin(tx, actor);
    const user = await findUserOrThrow(tx, userId);
    // Ends every session issued before the reset (a compromised account is shut out at once,
    // its open ratings-panel streams included).
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionsValidFrom: new Date() } });
    await endUserSessions(tx, user.id, 'password_reset');
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId: null,
      action: 'user.password_reset',
      entityId: user.id,
      newValue: { passwordReset: true, sessionsEnded: true },
    });
  });
}

/**
 * Deactivates or reactivates a user (admins only). A deactivated user cannot sign in and every
 * session of theirs ends at once (open ratings-panel streams too) and for good: reactivating
 * the account does not revive them. Their answers and audit history are kept. An admin cannot
 * deactivate themselves, so there is always an active admin.
 */
export async function setUserActive(db: PrismaClient, actor: Actor, input: unknown): Promise<void> {
  const { userId, isActive } = parseOrThrow(ZSetUserActive, input);
  await db.$transaction(async (tx) => {
    await requireActiveAdmin(tx, actor);
    if (userId === actor.id && !isActive) {
      throw new AppError('forbidden', 'You cannot deactivate your own account. Ask another admin to do it.');
    }
    const user = await findUserOrThrow(tx, userId);
    if (user.isActive === isActive) return;
    if (!isActive && user.isAdmin) await refuseIfLastAdmin(tx, user.id);
    await tx.user.update({ where: { id: user.id }, data: isActive ? { isActive } : { isActive, sessionsValidFrom: new Date() } });
    if (!isActive) await endUserSessions(tx, user.id, 'deactivated');
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId: null,
      action: isActive ? 'user.reactivate' : 'user.deactivate',
      entityId: user.id,
      oldValue: { isActive: user.isActive },
      newValue: { isActive },
    });
  });
}

/** Gives or removes admin rights (admins only). An admin cannot remove their own. */
export async function setUserAdmin(db: PrismaClient, actor: Actor, input: unknown): Promise<void> {
  const { userId, isAdmin } = parseOrThrow(ZSetUserAdmin, input);
  await db.$transaction(async (tx) => {
    await requireActiveAdmin(tx, actor);
    if (userId === actor.id && !isAdmin) {
      throw new AppError('forbidden', 'You cannot remove your own admin rights. Ask another admin to do it.');
    }
    const user = await findUserOrThrow(tx, userId);
    if (user.isAdmin === isAdmin) return;
    if (!isAdmin && user.isActive) await refuseIfLastAdmin(tx, user.id);
    await tx.user.update({ where: { id: user.id }, data: { isAdmin } });
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId: null,
      action: 'user.admin',
      entityId: user.id,
      oldValue: { isAdmin: user.isAdmin },
      newValue: { isAdmin },
    });
  });
}
