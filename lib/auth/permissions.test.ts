import { describe, expect, it } from 'vitest';
import { can, explainMarkRefusal, type CaseScope } from './permissions';

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
