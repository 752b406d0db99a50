/**
 * The permission rule (lib/auth/permissions.ts) rendered for the database: the same decision as
 * `can()`, as a Prisma `where` for lists and as SQL for the one-statement answer write. Nothing
 * here decides anything; it only translates `caseScopeFor()` and `can()`.
 */
import { Prisma } from '@/lib/generated/prisma/client';
import {
  can,
  caseScopeFor,
  TEAM_ROLES,
  isSystemActor,
  MARKING_STATUSES,
  type Actor,
  type CaseFilter,
  type CaseScope,
  type InspectionStatus,
  type Principal,
  type TeamRole,
  type Action,
} from '@/lib/auth/permissions';
import type { AccessOnInspection, CaseAccess } from '@/lib/access/context';

/** An id no row has: a read scoped by it finds nothing. */
const NO_ROW = '00000000-0000-0000-0000-000000000000';

/**
 * The inspection's id to scope a read of what `action` shows, when the loaded access
 * (lib/access/context.ts) allows `action`; otherwise an id no row has. Reads take the access, not
 * a bare id, and scope their query by this, so a caller who forgot a check gets nothing rather
 * than someone else's data (issue 21).
 */
export function inspectionIdFor(access: AccessOnInspection, action: Action): string {
  return can(access.actor, action, { inspection: access.scope }) ? access.inspectionId : NO_ROW;
}

/** The same for one case: its id when the loaded case access allows `action` on it, otherwise an id no row has. */
export function caseIdFor(access: Pick<CaseAccess, 'actor' | 'id' | 'scope'>, action: Action): string {
  return can(access.actor, action, { case: access.scope }) ? access.id : NO_ROW;
}

/** The actor's own user id, or an id no row has for the system (which has none). */
export function actorIdFor(actor: Principal): string {
  return isSystemActor(actor) ? NO_ROW : actor.id;
}

/** The cases inside `filter`, as a Prisma `where` fragment. */
export function caseWhere(filter: CaseFilter): Prisma.CaseWhereInput {
  if ('all' in filter) return {};
  if ('inspectorId' in filter) return { inspectorId: filter.inspectorId };
  return { id: { in: [] } };
}

/** The cases inside `filter`, as an SQL condition on the cases row `c`. */
export function caseFilterSql(filter: CaseFilter): Prisma.Sql {
  if ('all' in filter) return Prisma.sql`TRUE`;
  if ('inspectorId' in filter) return Prisma.sql`c.inspector_id = ${filter.inspectorId}::uuid`;
  return Prisma.sql`FALSE`;
}

/**
 * The SQL guard of the answer write (lib/marking/save-answer.ts), on the cases row `c` joined to
 * its inspection `i`: `can(actor, 'case.mark', { case: scope })` re-checked at write time, the
 * whole rule. The case filter comes from the rule with the role the actor had when checked; the
 * guard re-reads the inspection's status and the case's inspector, requires that the actor still
 * has that role on the team (a role changed since falls through to "check again"), and applies
 * the blind rule as `can()` states it: asked whether a second inspector of this case (or of any
 * case of the inspection) not yet submitted may mark, and where it says no, the guard requires
 * that the actor is not one now (issue 21: a reallocation made a blind second marker the case's
 * inspector, and a remembered access wrote under their name).
 * With `caseScopeUnchangedSql` below, an access remembered from an earlier save is forgotten on
 * any change of allocation, team, status or second marking.
 */
export function caseMarkGuardSql(actor: Actor, scope: CaseScope): Prisma.Sql {
  const filter = caseScopeFor(actor, 'case.mark', scope);
  if ('none' in filter || scope.role === null) return Prisma.sql`FALSE`;
  const statuses: InspectionStatus[] = [...MARKING_STATUSES];
  const blindOnCase = !can(actor, 'case.mark', { case: { ...scope, blindSecondMarkerId: actor.id } });
  const blindOnInspection = !can(actor, 'case.mark', { case: { ...scope, isBlindSecondMarker: true } });
  return Prisma.sql`(i.status = ANY(${statuses}::inspection_status[])
    AND EXISTS (SELECT 1 FROM inspection_members m WHERE m.inspection_id = c.inspection_id
                AND m.user_id = ${actor.id}::uuid AND m.role = ${scope.role}::team_role)
    AND ${caseFilterSql(filter)}
    AND ${blindOnCase ? Prisma.sql`NOT EXISTS (SELECT 1 FROM second_markings sm WHERE sm.case_id = c.id AND sm.marker_id = ${actor.id}::uuid AND sm.submitted_at IS NULL)` : Prisma.sql`TRUE`}
    AND ${blindOnInspection ? Prisma.sql`NOT ${blindSecondMarkerSql(actor.id)}` : Prisma.sql`TRUE`})`;
}

/** Whether `actorId` has a second marking on the inspection of `c` not yet submitted (SQL). */
function blindSecondMarkerSql(actorId: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM second_markings sm WHERE sm.inspection_id = c.inspection_id
                            AND sm.marker_id = ${actorId}::uuid AND sm.submitted_at IS NULL)`;
}

/**
 * The inputs `scope` was decided on, unchanged (SQL, on `c` and `i`): the case's inspector, the
 * inspection's status, the case's blind second marker and whether the actor second marks on this
 * inspection (the team role is compared by caseMarkGuardSql). An access remembered from an
 * earlier save (lib/marking/recent-access.ts) whose inputs moved is thereby not used: the write
 * finds nothing to guard, forgets it, and the save is decided again from fresh data.
 */
export function caseScopeUnchangedSql(actorId: string, scope: CaseScope): Prisma.Sql {
  return Prisma.sql`(c.inspector_id IS NOT DISTINCT FROM ${scope.inspectorId}::uuid
    AND i.status = ${scope.status}::inspection_status
    AND (SELECT sm.marker_id FROM second_markings sm WHERE sm.case_id = c.id AND sm.submitted_at IS NULL)
        IS NOT DISTINCT FROM ${scope.blindSecondMarkerId ?? null}::uuid
    AND ${blindSecondMarkerSql(actorId)} = ${scope.isBlindSecondMarker === true})`;
}

const ALL_STATUSES: readonly InspectionStatus[] = ['set_up', 'fieldwork', 'panel', 'published'];

/** The actions on an inspection that depend on the actor's role only (not its status or settings). */
type RoleOnlyAction = 'inspection.view' | 'export.download' | 'agreement.view';

/**
 * The team roles that may do `action`, read from `can()` itself. A role the rule allows in some
 * statuses and not others is an error, not silently left out of every list (issue 21): an action
 * whose rule comes to depend on the inspection's status must be listed with the status in the
 * query, not through here.
 */
export function rolesAllowed(action: RoleOnlyAction): TeamRole[] {
  const member = { id: '', isAdmin: false };
  return TEAM_ROLES.filter((role) => {
    const allowed = ALL_STATUSES.map((status) => can(member, action, { inspection: { role, status } }));
    if (allowed.some(Boolean) && !allowed.every(Boolean)) {
      throw new Error(
        `rolesAllowed('${action}'): the rule for ${role} depends on the inspection's status; list it with the status instead`,
      );
    }
    return allowed.every(Boolean);
  });
}

/** Whether `actor` may do `action` on every inspection, on the team or not (admins, the system). */
export function mayOnEveryInspection(actor: Principal, action: RoleOnlyAction): boolean {
  return ALL_STATUSES.every((status) => can(actor, action, { inspection: { role: null, status } }));
}

/**
 * Whether `can()` refuses `action` to a second inspector whose blind second marking is not yet
 * submitted, where it would otherwise allow it (asked of an admin who leads: anyone the rule lets
 * through at all). Read from the rule, so a list never shows a blind marker what a page refuses.
 */
function isRefusedToBlindMarker(action: RoleOnlyAction): boolean {
  const probe = { id: '', isAdmin: true };
  return ALL_STATUSES.some(
    (status) =>
      can(probe, action, { inspection: { role: 'lead_inspector', status } }) &&
      !can(probe, action, { inspection: { role: 'lead_inspector', status, isBlindSecondMarker: true } }),
  );
}

/**
 * The inspections on which `actor` may do `action`, as a Prisma `where` fragment: every one for
 * an actor `can()` allows without a role (admins, the system), otherwise those on whose team they
 * have a role that may; and, where the blind rule refuses `action` (the exports, the summary),
 * never one on which the actor has a second marking not yet submitted — admins included (issue
 * 21: an admin who second marked saw the inspection's ratings in /summary).
 */
export function inspectionsWhere(actor: Principal, action: RoleOnlyAction): Prisma.InspectionWhereInput {
  if (isSystemActor(actor)) return mayOnEveryInspection(actor, action) ? {} : { id: { in: [] } };
  const notBlind: Prisma.InspectionWhereInput | null = isRefusedToBlindMarker(action)
    ? { NOT: { secondMarkings: { some: { markerId: actor.id, submittedAt: null } } } }
    : null;
  if (mayOnEveryInspection(actor, action)) return notBlind ?? {};
  const member: Prisma.InspectionWhereInput = { members: { some: { userId: actor.id, role: { in: rolesAllowed(action) } } } };
  return notBlind ? { AND: [member, notBlind] } : member;
}
