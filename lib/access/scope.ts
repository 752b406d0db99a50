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
} from '@/lib/auth/permissions';

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
 * its inspection `i`: `can(actor, 'case.mark', { case: scope })` re-checked at write time. The
 * case filter comes from the rule with the role the actor had when checked; the guard re-reads
 * the inspection's status and the case's inspector, and requires that the actor still has that
 * role on the team (a role changed since falls through to "check again").
 */
export function caseMarkGuardSql(actor: Actor, scope: CaseScope): Prisma.Sql {
  const filter = caseScopeFor(actor, 'case.mark', scope);
  if ('none' in filter || scope.role === null) return Prisma.sql`FALSE`;
  const statuses: InspectionStatus[] = [...MARKING_STATUSES];
  return Prisma.sql`(i.status = ANY(${statuses}::inspection_status[])
    AND EXISTS (SELECT 1 FROM inspection_members m WHERE m.inspection_id = c.inspection_id
                AND m.user_id = ${actor.id}::uuid AND m.role = ${scope.role}::team_role)
    AND ${caseFilterSql(filter)})`;
}

const ALL_STATUSES: readonly InspectionStatus[] = ['set_up', 'fieldwork', 'panel', 'published'];

/** The actions on an inspection that depend on the actor's role only (not its status or settings). */
type RoleOnlyAction = 'inspection.view' | 'export.download' | 'agreement.view';

/** The team roles that may do `action`, read from `can()` itself. */
export function rolesAllowed(action: RoleOnlyAction): TeamRole[] {
  const member = { id: '', isAdmin: false };
  return TEAM_ROLES.filter((role) => ALL_STATUSES.every((status) => can(member, action, { inspection: { role, status } })));
}

/** Whether `actor` may do `action` on every inspection, on the team or not (admins, the system). */
export function mayOnEveryInspection(actor: Principal, action: RoleOnlyAction): boolean {
  return ALL_STATUSES.every((status) => can(actor, action, { inspection: { role: null, status } }));
}

/**
 * The inspections on which `actor` may do `action`, as a Prisma `where` fragment: every one for
 * an actor `can()` allows without a role (admins, the system), otherwise those on whose team they
 * have a role that may.
 */
export function inspectionsWhere(actor: Principal, action: RoleOnlyAction): Prisma.InspectionWhereInput {
  if (mayOnEveryInspection(actor, action)) return {};
  if (isSystemActor(actor)) return { id: { in: [] } };
  return { members: { some: { userId: actor.id, role: { in: rolesAllowed(action) } } } };
}
