import type { Prisma } from '@/lib/generated/prisma/client';
import { can, type Actor, type InspectionScope } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import type { FrameworkVersion } from '@/lib/framework/types';

export type Tx = Prisma.TransactionClient;

export interface ManagedInspection {
  id: string;
  framework: FrameworkVersion;
  status: InspectionScope['status'];
  scope: InspectionScope;
}

/**
 * The inspection, if the actor may set it up (its lead inspector, or an admin). Locks the
 * inspection row for the rest of the transaction, so set-up changes to one inspection happen one
 * at a time (e.g. two leads cannot each remove the other and leave none). Someone who may not
 * see the inspection gets not-found, as on the pages; a team member who may not manage it,
 * forbidden.
 */
export async function lockInspectionForManage(
  tx: Tx,
  actor: Actor,
  inspectionId: string,
  options: { forUpdate?: boolean } = { forUpdate: true },
): Promise<ManagedInspection> {
  const rows = await tx.$queryRawUnsafe<{ id: string; framework: string; status: InspectionScope['status']; is_panel_visible_to_team: boolean; role: InspectionScope['role'] }[]>(
    `SELECT i.id, i.framework::text AS framework, i.status, i.is_panel_visible_to_team, m.role
     FROM inspections i
     LEFT JOIN inspection_members m ON m.inspection_id = i.id AND m.user_id = $2::uuid
     WHERE i.id = $1::uuid ${options.forUpdate === false ? '' : 'FOR UPDATE OF i'}`,
    inspectionId,
    actor.id,
  );
  const row = rows[0];
  const scope: InspectionScope | null = row ? { role: row.role, status: row.status, isPanelVisibleToTeam: row.is_panel_visible_to_team } : null;
  if (!row || !scope || !can(actor, 'inspection.view', { inspection: scope })) {
    throw new AppError('not_found', 'This inspection does not exist or you do not have access to it.');
  }
  if (!can(actor, 'inspection.manage', { inspection: scope })) {
    throw new AppError('forbidden', 'Only the lead inspector or an admin can set up this inspection.');
  }
  return { id: row.id, framework: row.framework === '2018' ? '2018' : '2021', status: row.status, scope };
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
  return member && member.role !== 'manager' && member.user.isActive ? { id: member.user.id, name: member.user.name } : null;
}
