import { allocatableRoles, type Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { requireInspectionAccess, type InspectionAccess } from '@/lib/access/context';
import type { Tx } from '@/lib/db/snapshot';

export type { Tx };

export type ManagedInspection = InspectionAccess;

/**
 * The inspection, if the actor may set it up (its lead inspector, or an admin), locked for the
 * rest of the transaction so set-up changes to one inspection happen one at a time (e.g. two
 * leads cannot each remove the other and leave none).
 */
export function lockInspectionForManage(
  tx: Tx,
  actor: Actor,
  inspectionId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ManagedInspection> {
  return requireInspectionAccess(
    tx,
    actor,
    inspectionId,
    'inspection.manage',
    'Only the lead inspector or an admin can set up this inspection.',
    { lock: options.forUpdate ?? true },
  );
}

/**
 * Before an uploaded file is read: may the actor set up this inspection? Asked first, so the
 * work of reading a file (decoding, counting, unpacking, parsing) is only ever done for someone
 * who may upload it (issue 21: a user on no team made the server parse 100,000 rows). Fails as
 * lockInspectionForManage does: not found, or forbidden. Locks nothing; the upload's own
 * transaction checks again.
 */
export async function requireManageBeforeUpload(tx: Tx, actor: Actor, inspectionId: unknown): Promise<void> {
  const id = typeof inspectionId === 'string' ? inspectionId : '';
  await lockInspectionForManage(tx, actor, id, { forUpdate: false });
}

/** Once published, an inspection's sample and allocation are its record: they no longer change. */
export function refuseIfPublished(inspection: ManagedInspection): void {
  if (inspection.status === 'published') {
    throw new AppError('forbidden', 'This inspection is published: its cases can no longer change.');
  }
}

/** A user who may be allocated cases: an inspector or lead inspector of the team, with an active account. */
export async function findAllocatableMember(tx: Tx, inspectionId: string, userId: string) {
  const member = await tx.inspectionMember.findUnique({
    where: { inspectionId_userId: { inspectionId, userId } },
    select: { role: true, user: { select: { id: true, name: true, isActive: true } } },
  });
  return member && allocatableRoles().includes(member.role) && member.user.isActive ? { id: member.user.id, name: member.user.name } : null;
}
