import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { ZServiceFields, ZUpdateService } from '@/lib/validation/setup';
import { parseOrThrow } from '@/lib/validation/parse';
import { requireActiveAdmin } from './guard';
import { writeAudit } from '@/lib/audit/write';

type Tx = Prisma.TransactionClient;

/** Creates a service (admins only). Audited. */
export async function createService(db: PrismaClient, actor: Actor, input: unknown) {
  return db.$transaction(async (tx) => {
    await requireActiveAdmin(tx, actor);
    return insertService(tx, actor, input);
  });
}

/** Renames a service or changes its local authority or region (admins only). Audited, old → new. */
export async function updateService(db: PrismaClient, actor: Actor, input: unknown) {
  const { serviceId, ...fields } = parseOrThrow(ZUpdateService, input);
  return db.$transaction(async (tx) => {
    await requireActiveAdmin(tx, actor);
    const before = await tx.service.findUnique({ where: { id: serviceId }, select: { name: true, localAuthority: true, region: true } });
    if (!before) throw new AppError('not_found', 'This service does not exist.');
    await refuseTakenServiceName(tx, fields.name, serviceId);
    await tx.service.update({ where: { id: serviceId }, data: fields });
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId: null,
      action: 'service.update',
      entityId: serviceId,
      oldValue: before,
      newValue: fields,
    });
    return { id: serviceId };
  });
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

async function refuseTakenServiceName(tx: Tx, name: string, exceptId: string | null, nameField = 'name'): Promise<void> {
  const taken = await tx.service.findFirst({
    where: { name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) {
    const message = `A service called ${name} already exists`;
    throw new AppError('invalid', message, { [nameField]: message });
  }
}
