import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { ZUpdateService } from '@/lib/validation/setup';
import { parseOrThrow } from '@/lib/validation/parse';
import { insertService, refuseTakenServiceName, requireActiveAdmin } from './guard';
import { writeAudit } from '@/lib/audit/write';

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
