/**
 * The access context: the one loader of an actor's scope on an inspection or a case. Every page,
 * server action, route handler and CLI command that touches an inspection starts here: it reads
 * the resource together with the actor's role on its team (one query, optionally locking the
 * row), and the permission rule (lib/auth/permissions.ts) decides on what was read. Someone who
 * may not see the resource gets the same answer as for one that does not exist.
 */
import { Prisma } from '@/lib/generated/prisma/client';
import {
  can,
  isSystemActor,
  type Action,
  type CaseScope,
  type InspectionScope,
  type Principal,
  type SecondMarkingScope,
} from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import type { CaseType, Disposal, FrameworkVersion } from '@/lib/framework/types';
import type { Db } from '@/lib/db/snapshot';
import { isUuid } from '@/lib/validation/ids';

/** What an actor may see of one inspection: the inspection and their scope on it. */
export interface InspectionAccess {
  actor: Principal;
  id: string;
  /** The same as `id`: an InspectionAccess and a CaseAccess both say which inspection they are on. */
  inspectionId: string;
  serviceName: string;
  framework: FrameworkVersion;
  status: InspectionScope['status'];
  fieldworkStart: Date;
  fieldworkEnd: Date;
  isPanelVisibleToTeam: boolean;
  scope: InspectionScope;
}

/** What an actor may see of one case: the case and their scope on it. */
export interface CaseAccess {
  actor: Principal;
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

/** Anything that says which inspection and what the actor's scope on it is. */
export type AccessOnInspection = Pick<InspectionAccess, 'actor' | 'inspectionId' | 'scope'>;

const NO_USER = '00000000-0000-0000-0000-000000000000';
const actorIdOf = (actor: Principal) => (isSystemActor(actor) ? NO_USER : actor.id);
const NOT_FOUND = 'This inspection does not exist or you do not have access to it.';

interface Row {
  inspection_id: string;
  service_name: string;
  framework: string;
  inspection_status: InspectionScope['status'];
  fieldwork_start: Date;
  fieldwork_end: Date;
  is_panel_visible_to_team: boolean;
  role: InspectionScope['role'];
  is_blind_second_marker: boolean;
}

interface CaseRow extends Row {
  id: string;
  reference: string;
  type: CaseType;
  disposal: Disposal;
  status: CaseAccess['status'];
  inspector_id: string | null;
  version: number;
  blind_second_marker_id: string | null;
}

// The inspection with the actor's role on its team, and whether they have a blind second marking
// on it not yet submitted (lib/auth/permissions.ts, isBlindTo): the columns both loaders read.
const inspectionColumns = (actor: Principal) => Prisma.sql`i.id AS inspection_id, s.name AS service_name, i.framework::text AS framework,
  i.status AS inspection_status, i.fieldwork_start, i.fieldwork_end, i.is_panel_visible_to_team, m.role,
  EXISTS (SELECT 1 FROM second_markings sm WHERE sm.inspection_id = i.id
          AND sm.marker_id = ${actorIdOf(actor)}::uuid AND sm.submitted_at IS NULL) AS is_blind_second_marker`;
const memberJoin = (actor: Principal) =>
  Prisma.sql`JOIN services s ON s.id = i.service_id
  LEFT JOIN inspection_members m ON m.inspection_id = i.id AND m.user_id = ${actorIdOf(actor)}::uuid`;

function inspectionOf(actor: Principal, row: Row): InspectionAccess {
  return {
    actor,
    id: row.inspection_id,
    inspectionId: row.inspection_id,
    serviceName: row.service_name,
    framework: row.framework === '2018' ? '2018' : '2021',
    status: row.inspection_status,
    fieldworkStart: row.fieldwork_start,
    fieldworkEnd: row.fieldwork_end,
    isPanelVisibleToTeam: row.is_panel_visible_to_team,
    scope: {
      role: row.role,
      status: row.inspection_status,
      isPanelVisibleToTeam: row.is_panel_visible_to_team,
      isBlindSecondMarker: row.is_blind_second_marker,
    },
  };
}

/**
 * The inspection with the actor's scope on it, or null when it does not exist or the actor may
 * not see it (the two are indistinguishable to the caller on purpose). `lock` locks the
 * inspection row for the rest of the caller's transaction.
 */
export async function loadInspectionAccess(
  db: Db,
  actor: Principal,
  inspectionId: string,
  options: { lock?: boolean } = {},
): Promise<InspectionAccess | null> {
  if (!isUuid(inspectionId)) return null;
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${inspectionColumns(actor)}
    FROM inspections i ${memberJoin(actor)}
    WHERE i.id = ${inspectionId}::uuid ${options.lock ? Prisma.sql`FOR UPDATE OF i` : Prisma.empty}`;
  const row = rows[0];
  if (!row) return null;
  const access = inspectionOf(actor, row);
  return can(actor, 'inspection.view', { inspection: access.scope }) ? access : null;
}

/**
 * The case with the actor's scope on it, or null when it does not exist or the actor may not
 * see it (inspectors see only the cases allocated to them). `lock` locks the case row.
 */
export async function loadCaseAccess(
  db: Db,
  actor: Principal,
  caseId: string,
  options: { lock?: boolean } = {},
): Promise<CaseAccess | null> {
  if (!isUuid(caseId)) return null;
  const rows = await db.$queryRaw<CaseRow[]>`
    SELECT c.id, c.reference, c.type, c.disposal, c.status, c.inspector_id, c.version, ${inspectionColumns(actor)},
      (SELECT sm.marker_id FROM second_markings sm WHERE sm.case_id = c.id AND sm.submitted_at IS NULL) AS blind_second_marker_id
    FROM cases c JOIN inspections i ON i.id = c.inspection_id ${memberJoin(actor)}
    WHERE c.id = ${caseId}::uuid ${options.lock ? Prisma.sql`FOR UPDATE OF c` : Prisma.empty}`;
  const row = rows[0];
  if (!row) return null;
  const inspection = inspectionOf(actor, row);
  const scope: CaseScope = { ...inspection.scope, inspectorId: row.inspector_id, blindSecondMarkerId: row.blind_second_marker_id };
  if (!can(actor, 'case.view', { case: scope })) return null;
  return {
    actor,
    id: row.id,
    inspectionId: row.inspection_id,
    reference: row.reference,
    type: row.type,
    disposal: row.disposal,
    status: row.status,
    inspectorId: row.inspector_id,
    version: row.version,
    framework: inspection.framework,
    scope,
  };
}

/** A second marking with the actor's scope on its inspection (lib/quality/second-marking.ts decides who may see it). */
interface SecondMarkingAccess {
  id: string;
  inspection: InspectionAccess;
  caseId: string;
  reference: string;
  caseType: CaseType;
  disposal: Disposal;
  caseInspectorId: string | null;
  markerId: string;
  version: number;
  submittedAt: Date | null;
  marking: SecondMarkingScope;
}

interface SecondMarkingRow extends Row {
  id: string;
  case_id: string;
  reference: string;
  type: CaseType;
  disposal: Disposal;
  inspector_id: string | null;
  marker_id: string;
  version: number;
  submitted_at: Date | null;
}

/**
 * A second marking with its case and the actor's scope on its inspection — role, status, panel
 * visibility and blind flag read by the same columns as every other loader here, not a copy —
 * or null when it does not exist. It decides nothing: the caller asks `can()` (issue 21: the
 * second-marking loader had its own hand copy of the role and blind SQL). `lock` locks the
 * second marking and its case for the rest of the caller's transaction.
 */
export async function loadSecondMarkingAccess(
  db: Db,
  actor: Principal,
  secondMarkingId: string,
  options: { lock?: boolean } = {},
): Promise<SecondMarkingAccess | null> {
  if (!isUuid(secondMarkingId)) return null;
  const rows = await db.$queryRaw<SecondMarkingRow[]>`
    SELECT k.id, k.case_id, c.reference, c.type, c.disposal, c.inspector_id, k.marker_id, k.version, k.submitted_at,
      ${inspectionColumns(actor)}
    FROM second_markings k JOIN cases c ON c.id = k.case_id JOIN inspections i ON i.id = k.inspection_id ${memberJoin(actor)}
    WHERE k.id = ${secondMarkingId}::uuid ${options.lock ? Prisma.sql`FOR UPDATE OF k, c` : Prisma.empty}`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    inspection: inspectionOf(actor, row),
    caseId: row.case_id,
    reference: row.reference,
    caseType: row.type,
    disposal: row.disposal,
    caseInspectorId: row.inspector_id,
    markerId: row.marker_id,
    version: row.version,
    submittedAt: row.submitted_at,
    marking: { markerId: row.marker_id, isSubmitted: row.submitted_at !== null },
  };
}

/** Why a door refuses: the inspection is not there for the actor (absent, or not theirs to see), or an action is not theirs. */
type Refusal = { refused: 'not_found' } | { refused: 'forbidden'; action: Action };

export const isRefusal = (result: InspectionAccess | Refusal): result is Refusal => 'refused' in result;

/**
 * The one check behind every door (docs/architecture.md, "Which door to use"): the inspection
 * with the actor's scope when they may do every one of `actions` on it, otherwise why not. Each
 * door turns a refusal into its own caller's one answer — the not-found page (requireInspection),
 * an AppError (requireInspectionAccess), a Response (authoriseInspectionRequest) — so no door
 * loads or decides on its own.
 */
export async function authoriseInspection(
  db: Db,
  actor: Principal,
  inspectionId: string,
  actions: readonly Action[],
  options: { lock?: boolean } = {},
): Promise<InspectionAccess | Refusal> {
  const access = await loadInspectionAccess(db, actor, inspectionId, options);
  if (!access) return { refused: 'not_found' };
  const action = actions.find((a) => !can(actor, a, { inspection: access.scope }));
  return action ? { refused: 'forbidden', action } : access;
}

/**
 * The server actions' and services' door: the inspection, if the actor may do `action` to it;
 * otherwise an AppError — not_found for someone who may not see it (the same as for one that
 * does not exist), forbidden with `refusal` for a team member who may not do `action`. `lock`
 * is always said: true locks the inspection row for the rest of the transaction, so changes to
 * one inspection's set-up or ratings happen one at a time; false for a read.
 */
export async function requireInspectionAccess(
  db: Db,
  actor: Principal,
  inspectionId: string,
  action: Action,
  refusal: string,
  options: { lock: boolean },
): Promise<InspectionAccess> {
  const result = await authoriseInspection(db, actor, inspectionId, [action], options);
  if (!isRefusal(result)) return result;
  throw result.refused === 'not_found' ? new AppError('not_found', NOT_FOUND) : new AppError('forbidden', refusal);
}

/** Refuses (forbidden, with `refusal`) unless the access context allows `action` on its inspection. */
export function requireAllowed(access: AccessOnInspection, action: Action, refusal: string): void {
  if (!can(access.actor, action, { inspection: access.scope })) throw new AppError('forbidden', refusal);
}
