import { describe, expect, it } from 'vitest';
import { describePendingChanges } from './offline-cases';
import {
  countByCase,
  countPendingChanges,
  describeSyncState,
  isAlreadySaved,
  planReplay,
  syncState,
  type OutboxEntry,
} from './replay-plan';

let seq = 0;
const entry = (key: string, change: OutboxEntry['change'], baseVersion = 1, caseId = 'c1'): OutboxEntry => ({
  seq: ++seq,
  // Made a minute apart, in the order of their seq.
  createdAt: Date.UTC(2026, 11, 7, 10, 0) + seq * 60_000,
  userId: 'u1',
  inspectionId: 'i1',
  caseId,
  key,
  change,
  baseVersion,
});

describe('planReplay', () => {
  it('keeps keys in the order their first change was made and the first base version of each', () => {
    const plan = planReplay([
      entry('2.1.1', { field: 'value', value: 'yes' }, 3),
      entry('2.1.2', { field: 'value', value: 'no' }, 0),
      entry('2.1.1', { field: 'value', value: 'no' }, 4),
    ]);
    expect(plan.map((p) => [p.key, p.baseVersion])).toEqual([
      ['2.1.1', 3],
      ['2.1.2', 0],
    ]);
    expect(plan[0]?.sends).toHaveLength(1);
    expect(plan[0]?.sends[0]?.change).toEqual({ field: 'value', value: 'no' });
  });

  it('sends the last note typed and settles every entry it replaces', () => {
    const a = entry('2.1.1', { field: 'note', note: 'Asse' });
    const b = entry('2.1.1', { field: 'value', value: 'na', naReason: 'Not needed' });
    const c = entry('2.1.1', { field: 'note', note: 'Assessment good' });
    const [plan] = planReplay([c, a, b]);
    expect(plan?.sends.map((s) => s.change.field)).toEqual(['note', 'value']);
    // Made when the last note was typed: the audit trail records that time for the replay.
    expect(plan?.sends[0]).toEqual({
      key: '2.1.1',
      change: { field: 'note', note: 'Assessment good' },
      seqs: [a.seq, c.seq],
      madeAt: c.createdAt,
    });
  });

  it('merges case detail patches field by field, later answers winning', () => {
    const [plan] = planReplay([
      entry('case', { field: 'details', patch: { agreesWithRosh: true, agreesWithSafety: false } }),
      entry('case', { field: 'details', patch: { agreesWithSafety: true } }),
    ]);
    expect(plan?.sends[0]?.change).toEqual({ field: 'details', patch: { agreesWithRosh: true, agreesWithSafety: true } });
  });

  it('plans nothing for an empty outbox', () => {
    expect(planReplay([])).toEqual([]);
  });
});

describe('countByCase', () => {
  it('counts waiting changes per case for the badge', () => {
    const counts = countByCase([
      entry('a', { field: 'note', note: '' }, 0, 'x'),
      entry('b', { field: 'note', note: '' }, 0, 'x'),
      entry('a', { field: 'note', note: '' }, 0, 'y'),
    ]);
    expect(Object.fromEntries(counts)).toEqual({ x: 2, y: 1 });
  });

  it('counts what will be sent, the same number check your answers lists (issue 20: 12 on the list, 11 on the check page)', () => {
    const entries = [
      entry('2.1.1', { field: 'note', note: 'Dr' }),
      entry('2.1.1', { field: 'note', note: 'Draft' }),
      entry('2.1.1', { field: 'value', value: 'no' }),
      entry('2.1.1', { field: 'value', value: 'yes' }),
      entry('case', { field: 'details', patch: { agreesWithRosh: true } }),
      entry('case', { field: 'details', patch: { agreesWithRosh: false, agreesWithSafety: true } }),
    ];
    expect(countPendingChanges(entries)).toBe(4);
    expect(describePendingChanges(planReplay(entries))).toHaveLength(4);
    expect(countByCase(entries).get('c1')).toBe(4);
  });
});

describe('isAlreadySaved', () => {
  const theirs = { value: 'na', naReason: 'Not needed', note: 'Good' };
  it('recognises my own change already on the server (the reply was lost)', () => {
    expect(isAlreadySaved({ field: 'value', value: 'na', naReason: 'Not needed' }, theirs)).toBe(true);
    expect(isAlreadySaved({ field: 'note', note: 'Good' }, theirs)).toBe(true);
  });
  it('treats any difference as a real conflict', () => {
    expect(isAlreadySaved({ field: 'value', value: 'na', naReason: 'Other' }, theirs)).toBe(false);
    expect(isAlreadySaved({ field: 'value', value: 'yes' }, theirs)).toBe(false);
    expect(isAlreadySaved({ field: 'details', patch: {} }, theirs)).toBe(false);
  });
});

describe('syncState', () => {
  const at = new Date(2026, 11, 3, 10, 42);
  it('says what is true offline, while sending and when everything is saved', () => {
    expect(describeSyncState(syncState({ kept: 12, isOnline: false, lastSavedAt: at }))).toBe('Offline — 12 changes kept on this device');
    expect(describeSyncState(syncState({ kept: 1, isOnline: false, lastSavedAt: null }))).toBe('Offline — 1 change kept on this device');
    expect(describeSyncState(syncState({ kept: 12, isOnline: true, lastSavedAt: null }))).toBe('Sending 12 changes…');
    expect(describeSyncState(syncState({ kept: 0, isOnline: true, lastSavedAt: at }))).toBe('All changes saved at 10:42');
    expect(syncState({ kept: 0, isOnline: false, lastSavedAt: null })).toEqual({ kind: 'idle' });
  });
});
