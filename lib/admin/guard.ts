import type { Prisma } from '@/lib/generated/prisma/client';
import { can, type Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { ZServiceFields } from '@/lib/validation/setup';
import { parseOrThrow } from '@/lib/validation/parse';
import { writeAudit } from '@/lib/audit/write';

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

/**
 * Creates a service and its audit entry inside the caller's transaction. A name already taken is
 * an `invalid` error on `nameField` (the form's field for the name).
 */
export async function insertService(tx: Tx, actor: Actor, input: unknown, nameField = 'name') {
  const fields = parseOrThrow(ZServiceFields, input);
  await refuseTakenServiceName(tx, fields.name, null, nameField);
  const service = await tx.service.create({ data: fields, select: { id: true, name: true, localAuthority: true, region: true } });
  await writeAudit(tx, { actorId: actor.id, inspectionId: null, action: 'service.create', entityId: service.id, newValue: fields });
  return service;
}

export async function refuseTakenServiceName(tx: Tx, name: string, exceptId: string | null, nameField = 'name'): Promise<void> {
  const taken = await tx.service.findFirst({
    where: { name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) {
    const message = `A service called ${name} already exists`;
    throw new AppError('invalid', message, { [nameField]: message });
  }
}
