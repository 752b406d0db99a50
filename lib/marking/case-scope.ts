import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { isUuid } from '@/lib/validation/ids';
import { can, type Actor, type CaseScope } from '@/lib/auth/permissions';
import type { CaseType, Disposal, FrameworkVersion } from '@/lib/framework/types';

type Db = PrismaClient | Prisma.TransactionClient;

export interface LoadedCase {
  id: string;
  inspectionId: string;
  reference: string;
  type: CaseType;
  disposal: Disposal;
  status: 'not_started' | 'in_progress' | 'complete';
  inspectorId: string | null;
  version: number;
  framework: FrameworkVersion;
  scope: CaseScope;
}

/**
 * The case with the actor's scope on it, or null when it does not exist or the actor may not
 * see it (inspectors see only their own cases; the lead, managers and admins see all).
 * `forUpdate` locks the case row for the rest of the transaction.
 */
export async function loadCaseForActor(
  db: Db,
  actor: Actor,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedCase | null> {
  if (!isUuid(caseId)) return null;
  const rows = await db.$queryRawUnsafe<
    {
      id: string;
      inspection_id: string;
      reference: string;
      type: CaseType;
      disposal: Disposal;
      status: LoadedCase['status'];
      inspector_id: string | null;
      version: number;
      framework: '2018' | '2021';
      inspection_status: CaseScope['status'];
      is_panel_visible_to_team: boolean;
      role: CaseScope['role'];
      is_blind_second_marker: boolean;
      blind_second_marker_id: string | null;
    }[]
  >(
    `SELECT c.id, c.inspection_id, c.reference, c.type, c.disposal, c.status, c.inspector_id, c.version,
            i.framework::text AS framework, i.status AS inspection_status, i.is_panel_visible_to_team, m.role,
            -- Blind second marking (lib/auth/permissions.ts, isBlindTo).
            EXISTS (SELECT 1 FROM second_markings s WHERE s.inspection_id = c.inspection_id
                    AND s.marker_id = $2::uuid AND s.submitted_at IS NULL) AS is_blind_second_marker,
            (SELECT s.marker_id FROM second_markings s WHERE s.case_id = c.id AND s.submitted_at IS NULL) AS blind_second_marker_id
     FROM cases c
     JOIN inspections i ON i.id = c.inspection_id
     LEFT JOIN inspection_members m ON m.inspection_id = c.inspection_id AND m.user_id = $2::uuid
     WHERE c.id = $1::uuid ${options.forUpdate ? 'FOR UPDATE OF c' : ''}`,
    caseId,
    actor.id,
  );
  const row = rows[0];
  if (!row) return null;
  const scope: CaseScope = {
    role: row.role,
    status: row.inspection_status,
    isPanelVisibleToTeam: row.is_panel_visible_to_team,
    inspectorId: row.inspector_id,
    isBlindSecondMarker: row.is_blind_second_marker,
    blindSecondMarkerId: row.blind_second_marker_id,
  };
  if (!can(actor, 'case.view', { case: scope })) return null;
  return {
    id: row.id,
    inspectionId: row.inspection_id,
    reference: row.reference,
    type: row.type,
    disposal: row.disposal,
    status: row.status,
    inspectorId: row.inspector_id,
    version: row.version,
    framework: row.framework === '2018' ? '2018' : '2021',
    scope,
  };
}
