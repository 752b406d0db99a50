import { describe, expect, it } from 'vitest';
import { can, explainMarkRefusal, explainSecondMarkerRefusal, isBlindTo, type Action, type CaseScope } from './permissions';

const me = { id: 'u1', isAdmin: false };
const admin = { id: 'a1', isAdmin: true };
const fieldwork = (role: CaseScope['role'], inspectorId: string | null = 'u1'): CaseScope => ({
  role,
  status: 'fieldwork',
  inspectorId,
});

describe('can', () => {
  it('lets nobody outside the team see an inspection', () => {
    expect(can(me, 'inspection.view', { inspection: { role: null, status: 'fieldwork' } })).toBe(false);
    expect(can(me, 'case.view', { case: fieldwork(null) })).toBe(false);
    expect(can(me, 'panel.view', { inspection: { role: null, status: 'fieldwork' } })).toBe(false);
  });

  it('lets admins see every inspection and manage it', () => {
    const scope = { role: null, status: 'fieldwork' } as const;
    expect(can(admin, 'inspection.view', { inspection: scope })).toBe(true);
    expect(can(admin, 'inspection.manage', { inspection: scope })).toBe(true);
    expect(can(admin, 'admin.manage')).toBe(true);
    expect(can(me, 'admin.manage')).toBe(false);
  });

  it('lets inspectors mark only their own cases, and only in fieldwork', () => {
    expect(can(me, 'case.mark', { case: fieldwork('inspector') })).toBe(true);
    expect(can(me, 'case.mark', { case: fieldwork('inspector', 'u2') })).toBe(false);
    expect(can(me, 'case.mark', { case: { ...fieldwork('inspector'), status: 'panel' } })).toBe(false);
    expect(can(me, 'case.mark', { case: fieldwork('lead_inspector', 'u2') })).toBe(true);
    expect(can(me, 'case.mark', { case: fieldwork('manager') })).toBe(false);
  });

  it('shows the panel to inspectors only when the lead allows it', () => {
    const hidden = { role: 'inspector', status: 'fieldwork' } as const;
    expect(can(me, 'panel.view', { inspection: hidden })).toBe(false);
    expect(can(me, 'panel.view', { inspection: { ...hidden, isPanelVisibleToTeam: true } })).toBe(true);
    expect(can(me, 'panel.decide', { inspection: { ...hidden, isPanelVisibleToTeam: true } })).toBe(false);
  });

  it('keeps managers read-only', () => {
    const scope = { role: 'manager', status: 'fieldwork' } as const;
    expect(can(me, 'inspection.view', { inspection: scope })).toBe(true);
    expect(can(me, 'panel.view', { inspection: scope })).toBe(true);
    expect(can(me, 'export.download', { inspection: scope })).toBe(true);
    expect(can(me, 'panel.decide', { inspection: scope })).toBe(false);
    expect(can(me, 'inspection.manage', { inspection: scope })).toBe(false);
  });

  it('refuses an action with no resource', () => {
    expect(can(admin, 'case.view')).toBe(false);
  });
});

describe('seeing cases', () => {
  it('shows inspectors only their own cases, and every case to the lead and managers', () => {
    expect(can(me, 'case.view', { case: fieldwork('inspector') })).toBe(true);
    expect(can(me, 'case.view', { case: fieldwork('inspector', 'u2') })).toBe(false);
    expect(can(me, 'case.view', { inspection: { role: 'inspector', status: 'fieldwork' } })).toBe(false);
    expect(can(me, 'case.view', { case: fieldwork('manager', 'u2') })).toBe(true);
    expect(can(me, 'cases.viewAll', { inspection: { role: 'inspector', status: 'fieldwork', isPanelVisibleToTeam: true } })).toBe(false);
    expect(can(me, 'cases.viewAll', { inspection: { role: 'lead_inspector', status: 'fieldwork' } })).toBe(true);
    expect(can(me, 'cases.viewAll', { inspection: { role: 'manager', status: 'fieldwork' } })).toBe(true);
  });
});

describe('explainMarkRefusal', () => {
  it('says why', () => {
    expect(explainMarkRefusal(me, fieldwork('inspector'))).toBeNull();
    expect(explainMarkRefusal(me, fieldwork('inspector', 'u2'))).toMatch(/another inspector/);
    expect(explainMarkRefusal(me, { ...fieldwork('inspector'), status: 'panel' })).toMatch(/not in fieldwork/);
    expect(explainMarkRefusal(me, fieldwork(null))).toMatch(/not on this inspection/);
  });
});

describe('quality assurer', () => {
  const qa = (status: CaseScope['status'] = 'fieldwork'): CaseScope => ({ role: 'quality_assurer', status, inspectorId: 'u2' });

  it('reads every case of the inspection but never marks or manages', () => {
    expect(can(me, 'inspection.view', { inspection: qa() })).toBe(true);
    expect(can(me, 'case.view', { case: qa() })).toBe(true);
    expect(can(me, 'cases.viewAll', { inspection: qa() })).toBe(true);
    expect(can(me, 'case.mark', { case: qa() })).toBe(false);
    expect(can(me, 'case.mark', { case: { ...qa(), inspectorId: 'u1' } })).toBe(false);
    expect(can(me, 'case.reopen', { case: qa() })).toBe(false);
    expect(can(me, 'inspection.manage', { inspection: qa() })).toBe(false);
    expect(can(me, 'panel.decide', { inspection: qa() })).toBe(false);
    expect(can(me, 'export.download', { inspection: qa() })).toBe(false);
    expect(can(me, 'case.answerQuery', { case: { ...qa(), inspectorId: 'u1' } })).toBe(false);
  });

  it('sees the panel only when the lead lets the team see it', () => {
    expect(can(me, 'panel.view', { inspection: qa() })).toBe(false);
    expect(can(me, 'panel.view', { inspection: { ...qa(), isPanelVisibleToTeam: true } })).toBe(true);
  });

  it('reviews (raises and resolves queries) in fieldwork and at the panel only', () => {
    expect(can(me, 'case.review', { case: qa('fieldwork') })).toBe(true);
    expect(can(me, 'case.review', { case: qa('panel') })).toBe(true);
    expect(can(me, 'case.review', { case: qa('set_up') })).toBe(false);
    expect(can(me, 'case.review', { case: qa('published') })).toBe(false);
  });

  it('says why they cannot mark', () => {
    expect(explainMarkRefusal(me, qa())).toMatch(/quality assurer/);
  });
});

describe('queries on marked answers', () => {
  it('lets the lead and admins review, but not inspectors or managers', () => {
    expect(can(me, 'case.review', { case: fieldwork('lead_inspector', 'u2') })).toBe(true);
    expect(can(admin, 'case.review', { case: fieldwork(null, 'u2') })).toBe(true);
    expect(can(me, 'case.review', { case: fieldwork('inspector') })).toBe(false);
    expect(can(me, 'case.review', { case: fieldwork('manager') })).toBe(false);
  });

  it('lets the case’s inspector (and the lead) answer a query, in fieldwork or at the panel', () => {
    expect(can(me, 'case.answerQuery', { case: fieldwork('inspector') })).toBe(true);
    expect(can(me, 'case.answerQuery', { case: { ...fieldwork('inspector'), status: 'panel' } })).toBe(true);
    expect(can(me, 'case.answerQuery', { case: { ...fieldwork('inspector'), status: 'published' } })).toBe(false);
    expect(can(me, 'case.answerQuery', { case: fieldwork('inspector', 'u2') })).toBe(false);
    expect(can(me, 'case.answerQuery', { case: fieldwork('lead_inspector', 'u2') })).toBe(true);
    expect(can(me, 'case.answerQuery', { case: fieldwork('manager') })).toBe(false);
    expect(can(admin, 'case.answerQuery', { case: fieldwork(null, 'u2') })).toBe(false);
  });
});

describe('blind second marking', () => {
  const secondMarker = { id: 'u3', isAdmin: false };
  const blindInspection = { role: 'inspector', status: 'fieldwork', isPanelVisibleToTeam: true, isBlindSecondMarker: true } as const;
  const blindCase: CaseScope = { ...blindInspection, inspectorId: 'u1', blindSecondMarkerId: 'u3' };
  const pending = { markerId: 'u3', isSubmitted: false };
  const submitted = { markerId: 'u3', isSubmitted: true };

  it('refuses the second inspector every way to the first marking of the case until they submit', () => {
    const caseActions: Action[] = ['case.view', 'case.mark', 'case.review', 'case.answerQuery', 'case.reopen'];
    for (const action of caseActions) {
      expect(can(secondMarker, action, { case: blindCase })).toBe(false);
      expect(isBlindTo(secondMarker, action, { case: blindCase })).toBe(true);
    }
    // Even were they made lead or admin meanwhile, the rule still holds while they are blind.
    expect(can({ id: 'u3', isAdmin: true }, 'case.view', { case: blindCase })).toBe(false);
    expect(can(secondMarker, 'case.view', { case: { ...blindCase, role: 'lead_inspector' } })).toBe(false);
  });

  it('hides every inspection-wide figure from them (the panel is visible to the team here)', () => {
    for (const action of ['panel.view', 'cases.viewAll', 'export.download', 'case.review', 'agreement.view'] as const) {
      expect(can(secondMarker, action, { inspection: blindInspection })).toBe(false);
    }
    expect(can(secondMarker, 'panel.view', { inspection: { ...blindInspection, isBlindSecondMarker: false } })).toBe(true);
    // The panel's figures on their own case's pages follow the same rule.
    const ownCase: CaseScope = { ...blindCase, inspectorId: 'u3', blindSecondMarkerId: null };
    expect(can(secondMarker, 'panel.view', { inspection: ownCase })).toBe(false);
  });

  it('keeps their own allocated cases theirs to mark', () => {
    const ownCase: CaseScope = { ...blindInspection, inspectorId: 'u3', blindSecondMarkerId: null };
    expect(can(secondMarker, 'case.view', { case: ownCase })).toBe(true);
    expect(can(secondMarker, 'case.mark', { case: ownCase })).toBe(true);
  });

  it('lets only the second inspector mark, in fieldwork, until submitted; the comparison only after', () => {
    expect(can(secondMarker, 'secondMarking.mark', { inspection: blindInspection, secondMarking: pending })).toBe(true);
    expect(can(secondMarker, 'secondMarking.mark', { inspection: blindInspection, secondMarking: submitted })).toBe(false);
    expect(can(secondMarker, 'secondMarking.mark', { inspection: { ...blindInspection, status: 'panel' }, secondMarking: pending })).toBe(
      false,
    );
    expect(can(me, 'secondMarking.mark', { inspection: { role: 'inspector', status: 'fieldwork' }, secondMarking: pending })).toBe(false);
    expect(can(me, 'secondMarking.mark', { inspection: { role: 'lead_inspector', status: 'fieldwork' }, secondMarking: pending })).toBe(
      false,
    );
    expect(can(secondMarker, 'secondMarking.compare', { inspection: blindInspection, secondMarking: pending })).toBe(false);
    expect(
      can(secondMarker, 'secondMarking.compare', {
        inspection: { ...blindInspection, isBlindSecondMarker: false },
        secondMarking: submitted,
      }),
    ).toBe(true);
    expect(can(me, 'secondMarking.compare', { inspection: { role: 'inspector', status: 'fieldwork' }, secondMarking: submitted })).toBe(
      false,
    );
    expect(
      can(me, 'secondMarking.compare', { inspection: { role: 'quality_assurer', status: 'fieldwork' }, secondMarking: submitted }),
    ).toBe(true);
  });

  it('lets the lead (and admins) assign in fieldwork, and reconcile a submitted marking in fieldwork or at the panel', () => {
    const lead = (status: CaseScope['status']) => ({ role: 'lead_inspector', status }) as const;
    expect(can(me, 'secondMarking.assign', { inspection: lead('fieldwork') })).toBe(true);
    expect(can(me, 'secondMarking.assign', { inspection: lead('set_up') })).toBe(false);
    expect(can(admin, 'secondMarking.assign', { inspection: { role: null, status: 'fieldwork' } })).toBe(true);
    expect(can(me, 'secondMarking.assign', { inspection: { role: 'inspector', status: 'fieldwork' } })).toBe(false);
    expect(can(me, 'secondMarking.assign', { inspection: { role: 'manager', status: 'fieldwork' } })).toBe(false);
    expect(can(me, 'secondMarking.reconcile', { inspection: lead('panel'), secondMarking: submitted })).toBe(true);
    expect(can(me, 'secondMarking.reconcile', { inspection: lead('fieldwork'), secondMarking: pending })).toBe(false);
    expect(can(me, 'secondMarking.reconcile', { inspection: lead('published'), secondMarking: submitted })).toBe(false);
    expect(
      can(me, 'secondMarking.reconcile', { inspection: { role: 'quality_assurer', status: 'fieldwork' }, secondMarking: submitted }),
    ).toBe(false);
  });

  it('shows agreement to the lead, managers, quality assurers and admins, not inspectors', () => {
    for (const role of ['lead_inspector', 'manager', 'quality_assurer'] as const) {
      expect(can(me, 'agreement.view', { inspection: { role, status: 'fieldwork' } })).toBe(true);
    }
    expect(can(me, 'agreement.view', { inspection: { role: 'inspector', status: 'fieldwork' } })).toBe(false);
  });

  it('says who can be the second inspector', () => {
    expect(explainSecondMarkerRefusal({ id: 'u3', role: 'inspector' }, 'u1')).toBeNull();
    expect(explainSecondMarkerRefusal({ id: 'u1', role: 'inspector' }, 'u1')).toMatch(/marked the case/);
    expect(explainSecondMarkerRefusal({ id: 'u4', role: 'manager' }, 'u1')).toMatch(/must be an inspector/);
    expect(explainSecondMarkerRefusal({ id: 'u5', role: null }, 'u1')).toMatch(/must be an inspector/);
  });
});
