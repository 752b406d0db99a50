import { describe, expect, it } from 'vitest';
import { describeAuditRow, valueText, type AuditRow } from './describe';

const row = (extra: Partial<AuditRow>): AuditRow => ({
  at: new Date('2026-11-20T10:00:00Z'),
  actorName: 'Ann Able',
  action: 'answer.value',
  entity: 'answer',
  entityId: 'case-1:2.1.1',
  oldValue: null,
  newValue: null,
  caseReference: 'C-1',
  ...extra,
});

describe('describeAuditRow', () => {
  it('says who changed which answer, from what, to what, through marking', () => {
    expect(
      describeAuditRow(row({ oldValue: { value: 'yes', naReason: null }, newValue: { value: 'na', naReason: 'No risk to others' } })),
    ).toEqual({
      at: new Date('2026-11-20T10:00:00Z'),
      who: 'Ann Able',
      action: 'answer.value',
      what: 'Answer',
      questionId: '2.1.1',
      from: 'Yes',
      to: 'Not applicable (No risk to others)',
      route: 'Marking',
      madeOnDeviceAt: null,
      caseReference: 'C-1',
    });
  });

  it('names a change the offline outbox replayed "Offline replay", whatever it changed', () => {
    expect(describeAuditRow(row({ newValue: { value: 'no', naReason: null, source: 'outbox' } }))).toMatchObject({
      route: 'Offline replay',
      to: 'No',
    });
    expect(
      describeAuditRow(
        row({ action: 'case.details', entity: 'case', entityId: 'case-1', newValue: { agreesWithRosh: true, source: 'outbox' } }),
      ),
    ).toMatchObject({ route: 'Offline replay', to: 'agreesWithRosh: true' });
    // When it was made on the device (its clock) rides beside the server's time, and is not a changed field.
    expect(
      describeAuditRow(row({ newValue: { value: 'no', naReason: null, source: 'outbox', madeAt: '2026-11-20T08:15:00.000Z' } })),
    ).toMatchObject({ at: new Date('2026-11-20T10:00:00Z'), madeOnDeviceAt: new Date('2026-11-20T08:15:00Z'), to: 'No' });
    // Only a replay has one; an unreadable one is none.
    expect(
      describeAuditRow(row({ newValue: { value: 'no', naReason: null, madeAt: '2026-11-20T08:15:00.000Z' } })).madeOnDeviceAt,
    ).toBeNull();
    expect(describeAuditRow(row({ newValue: { value: 'no', source: 'outbox', madeAt: 'yesterday' } })).madeOnDeviceAt).toBeNull();
    // A source the trail does not know names no route: the action's own.
    expect(describeAuditRow(row({ newValue: { value: 'no', naReason: null, source: 'carrier pigeon' } })).route).toBe('Marking');
  });

  it('names the route: import, reconciliation with its reason, second marking, a query', () => {
    expect(describeAuditRow(row({ newValue: { value: 'no', naReason: null, source: 'import' } }))).toMatchObject({
      route: 'Import (interchange file)',
      to: 'No',
    });
    expect(
      describeAuditRow(
        row({
          action: 'answer.reconcile',
          oldValue: { value: 'yes', naReason: null },
          newValue: { value: 'no', naReason: null, reconciliationId: 'r1', reason: 'The plan was late.' },
        }),
      ),
    ).toMatchObject({ route: 'Reconciliation', from: 'Yes', to: 'No; reconciliationId: r1; reason: The plan was late.' });
    expect(describeAuditRow(row({ action: 'second_marking.submit', entity: 'second_marking', entityId: 'sm-1' }))).toMatchObject({
      route: 'Second marking',
      what: 'Second marking submitted',
      questionId: null,
    });
    expect(describeAuditRow(row({ action: 'query.raise', entity: 'answer_query', entityId: 'q-1' })).route).toBe('Quality assurance query');
  });

  it('says when the command line made the change, and keeps an unknown action by its name', () => {
    expect(describeAuditRow(row({ actorName: null, action: 'something.new', entity: 'case' }))).toMatchObject({
      who: 'Casemark (command line)',
      what: 'something.new',
      route: 'Set-up',
    });
  });
});

describe('valueText', () => {
  it('writes notes, a cleared answer and other fields plainly', () => {
    expect(valueText({ note: 'Plan reviewed' })).toBe('Note: Plan reviewed');
    expect(valueText({ note: null })).toBe('No note');
    expect(valueText({ value: null, naReason: null })).toBe('No answer');
    expect(valueText({ inspectorId: 'u1', isComplete: true })).toBe('inspectorId: u1; isComplete: true');
    expect(valueText(null)).toBe('');
  });
});
