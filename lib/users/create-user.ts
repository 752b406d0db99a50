import type { PrismaClient } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import { ZCreateUser } from '@/lib/validation/user';
import { parseOrThrow } from '@/lib/validation/parse';
import { writeAudit } from '@/lib/audit/write';

/**
 * Creates a user (and its audit entry) in one transaction. Bad input or a taken email address
 * is an AppError with field errors; nothing is written.
 */
export async function createUser(prisma: PrismaClient, input: unknown, actorId: string | null) {
  const { email, name, password, isAdmin } = parseOrThrow(ZCreateUser, input);
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError('conflict', `A user with the email address ${email} already exists`, {
        email: 'A user with this email address already exists',
      });
    }
    const user = await tx.user.create({
      data: { email, name, isAdmin, passwordHash },
      select: { id: true, email: true, name: true, isAdmin: true },
    });
    await writeAudit(tx, { actorId, inspectionId: null, action: 'user.create', entityId: user.id, newValue: { email, name, isAdmin } });
    return user;
  });
}
