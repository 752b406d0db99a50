import { describe, expect, it } from 'vitest';
import {
  allocatableRoles,
  can,
  caseFilterAllows,
  caseScopeFor,
  systemActor,
  type Actor,
  type CaseAction,
  type CaseScope,
  type InspectionStatus,
  type Principal,
  type TeamRole,
} from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import { caseFilterSql, caseMarkGuardSql, caseWhere, inspectionsWhere, rolesAllowed } from './scope';

const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const ROLES: (TeamRole | null)[] = [null, 'lead_inspector', 'inspector', 'manager', 'quality_assurer'];
const STATUSES: InspectionStatus[] = ['set_up', 'fieldwork', 'panel', 'published'];
const ALLOCATIONS = [ME, OTHER, null] as const;
const ACTORS: Principal[] = [{ id: ME, isAdmin: false }, { id: ME, isAdmin: true }, systemActor('test')];
const ACTIONS: CaseAction[] = ['case.view', 'case.mark', 'case.answerQuery'];

/** Evaluates the `where` fragments caseWhere produces against one case, as PostgreSQL would. */
function matches(where: Prisma.CaseWhereInput, kase: { id: string; inspectorId: string | null }): boolean {
  return Object.entries(where).every(([key, condition]) => {
    if (key === 'inspectorId') return kase.inspectorId === condition;
    if (key === 'id') return (condition as { in: string[] }).in.includes(kase.id);
    throw new Error(`caseWhere produced a condition this test does not know: ${key}`);
  });
}

const combinations = ACTORS.flatMap((actor) =>
  ROLES.flatMap((role) =>
    STATUSES.flatMap((status) =>
      ALLOCATIONS.flatMap((inspectorId) => ACTIONS.map((action) => ({ actor, role, status, inspectorId, action }))),
    ),
  ),
);

describe('one rule, three outputs', () => {
  it(`can(), the case filter and its Prisma where agree on all ${combinations.length} combinations`, () => {
    for (const { actor, role, status, inspectorId, action } of combinations) {
      const scope: CaseScope = { role, status, inspectorId };
      const allowed = can(actor, action, { case: scope });
      const filter = caseScopeFor(actor, action, scope);
      const label = JSON.stringify({ actor, role, status, inspectorId, action });
      expect(caseFilterAllows(filter, inspectorId), label).toBe(allowed);
      expect(matches(caseWhere(filter), { id: 'case', inspectorId }), label).toBe(allowed);
    }
  });

  it('keeps the answers can() gave before the rule became data (issue 10), for every user combination', () => {
    // The hand-written rule as it stood, kept here as the reference.
    const before = (actor: Actor, action: CaseAction, kase: CaseScope): boolean => {
      const role = kase.role;
      if (action === 'case.view')
        return (
          actor.isAdmin ||
          role === 'lead_inspector' ||
          role === 'manager' ||
          role === 'quality_assurer' ||
          (role === 'inspector' && kase.inspectorId === actor.id)
        );
      const statuses = action === 'case.mark' ? ['fieldwork'] : ['fieldwork', 'panel'];
      if (!statuses.includes(kase.status)) return false;
      return role === 'lead_inspector' || (role === 'inspector' && kase.inspectorId === actor.id);
    };
    for (const { actor, role, status, inspectorId, action } of combinations) {
      if (!('id' in actor)) continue;
      const kase: CaseScope = { role, status, inspectorId };
      expect(can(actor, action, { case: kase }), JSON.stringify({ actor, role, status, inspectorId, action })).toBe(
        before(actor, action, kase),
      );
    }
  });

  it('renders the filter as SQL on the case row: every case, the actor’s own, or none', () => {
    expect(caseFilterSql({ all: true }).text).toBe('TRUE');
    expect(caseFilterSql({ none: true }).text).toBe('FALSE');
    const own = caseFilterSql({ inspectorId: ME });
    expect(own.text).toBe('c.inspector_id = $1::uuid');
    expect(own.values).toEqual([ME]);
  });

  it('guards the answer write with FALSE exactly when can() refuses whatever the case’s inspector', () => {
    for (const { actor, role, status } of combinations) {
      if (!('id' in actor)) continue;
      const user: Actor = actor;
      const refusedForAny = ALLOCATIONS.every((inspectorId) => !can(user, 'case.mark', { case: { role, status, inspectorId } }));
      expect(caseMarkGuardSql(user, { role, status, inspectorId: ME }).text === 'FALSE', JSON.stringify({ user, role, status })).toBe(
        refusedForAny,
      );
    }
  });

  it('requires an admin on the team as an inspector to be allocated the case, in the write guard too', () => {
    const admin = { id: ME, isAdmin: true };
    const scope: CaseScope = { role: 'inspector', status: 'fieldwork', inspectorId: ME };
    expect(caseScopeFor(admin, 'case.mark', scope)).toEqual({ inspectorId: ME });
    const guard = caseMarkGuardSql(admin, scope);
    expect(guard.text).toContain('c.inspector_id = $');
    expect(guard.values).toContain(ME);
    expect(can(admin, 'case.mark', { case: { ...scope, inspectorId: OTHER } })).toBe(false);
  });

  it('derives the inspection lists and the allocatable roles from the same rule', () => {
    expect(inspectionsWhere({ id: ME, isAdmin: true }, 'inspection.view')).toEqual({});
    expect(inspectionsWhere({ id: ME, isAdmin: false }, 'inspection.view')).toEqual({
      members: { some: { userId: ME, role: { in: ['lead_inspector', 'inspector', 'manager', 'quality_assurer'] } } },
    });
    expect(rolesAllowed('export.download')).toEqual(['lead_inspector', 'manager']);
    // A rule that depends on the status is refused loudly, not turned into "no role may" (issue 21).
    expect(() => rolesAllowed('case.review' as never)).toThrow(/depends on the inspection's status/);
    // Blind second marking refuses the exports to anyone, admins included: never listed to them (issue 21).
    const notBlind = { NOT: { secondMarkings: { some: { markerId: ME, submittedAt: null } } } };
    expect(inspectionsWhere({ id: ME, isAdmin: true }, 'export.download')).toEqual(notBlind);
    expect(inspectionsWhere({ id: ME, isAdmin: false }, 'export.download')).toEqual({
      AND: [{ members: { some: { userId: ME, role: { in: ['lead_inspector', 'manager'] } } } }, notBlind],
    });
    expect(inspectionsWhere(systemActor('cli'), 'export.download')).toEqual({});
    expect(allocatableRoles()).toEqual(['lead_inspector', 'inspector']);
  });

  it('lets a system actor read and never write', () => {
    const system = systemActor('cli');
    const scope: CaseScope = { role: null, status: 'fieldwork', inspectorId: null };
    expect(can(system, 'inspection.view', { inspection: scope })).toBe(true);
    expect(can(system, 'export.download', { inspection: scope })).toBe(true);
    for (const action of ['case.mark', 'inspection.manage', 'panel.decide', 'case.review', 'admin.manage'] as const) {
      expect(can(system, action, { case: scope }), action).toBe(false);
    }
  });
});
