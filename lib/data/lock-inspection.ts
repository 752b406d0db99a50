import type { Prisma } from '@/lib/generated/prisma/client';
import { can, type Action, type Actor, type InspectionScope } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import type { FrameworkVersion } from '@/lib/framework/types';

export interface LockedInspection {
  id: string;
  framework: FrameworkVersion;
  status: InspectionScope['status'];
  scope: InspectionScope;
}

/**
 * The inspection, if the actor may do `action` to it, with the actor's role on it. Locks the
 * inspection row for the rest of the transaction (unless `forUpdate` is false), so changes to
 * one inspection's set-up or ratings happen one at a time. Someone who may not see the
 * inspection gets not-found, as on the pages; a team member who may not do `action`, forbidden
 * with `refusal`.
 */
export async function lockInspectionFor(
  tx: Prisma.TransactionClient,
  actor: Actor,
  inspectionId: string,
  action: Action,
  refusal: string,
  options: { forUpdate?: boolean } = {},
): Promise<LockedInspection> {
  const rows = await tx.$queryRawUnsafe<
    {
      id: string;
      framework: string;
      status: InspectionScope['status'];
      is_panel_visible_to_team: boolean;
      role: InspectionScope['role'];
      is_blind_second_marker: boolean;
    }[]
  >(
    `SELECT i.id, i.framework::text AS framework, i.status, i.is_panel_visible_to_team, m.role,
            EXISTS (SELECT 1 FROM second_markings s WHERE s.inspection_id = i.id
                    AND s.marker_id = $2::uuid AND s.submitted_at IS NULL) AS is_blind_second_marker
     FROM inspections i
     LEFT JOIN inspection_members m ON m.inspection_id = i.id AND m.user_id = $2::uuid
     WHERE i.id = $1::uuid ${options.forUpdate === false ? '' : 'FOR UPDATE OF i'}`,
    inspectionId,
    actor.id,
  );
  const row = rows[0];
  const scope: InspectionScope | null = row
    ? {
        role: row.role,
        status: row.status,
        isPanelVisibleToTeam: row.is_panel_visible_to_team,
        isBlindSecondMarker: row.is_blind_second_marker,
      }
    : null;
  if (!row || !scope || !can(actor, 'inspection.view', { inspection: scope })) {
    throw new AppError('not_found', 'This inspection does not exist or you do not have access to it.');
  }
  if (!can(actor, action, { inspection: scope })) throw new AppError('forbidden', refusal);
  return { id: row.id, framework: row.framework === '2018' ? '2018' : '2021', status: row.status, scope };
}
