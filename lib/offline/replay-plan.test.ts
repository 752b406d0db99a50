import { describe, expect, it } from 'vitest';
import { describePendingChanges } from './offline-cases';
import { countByCase, countPendingChanges, describeSyncState, planReplay, syncState, type OutboxEntry } from './replay-plan';

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
      replaces: [],
    });
  });

  it('sends the latest change of a field under its own id, naming the earlier ids it replaces', () => {
    const withId = (e: OutboxEntry, changeId: string): OutboxEntry => ({ ...e, changeId });
    const first = withId(entry('2.1.1', { field: 'value', value: 'no' }), 'a0000000-0000-4000-8000-000000000001');
    const note = withId(entry('2.1.1', { field: 'note', note: 'Good' }), 'a0000000-0000-4000-8000-000000000002');
    const second = withId(entry('2.1.1', { field: 'value', value: 'yes' }), 'a0000000-0000-4000-8000-000000000003');
    const [plan] = planReplay([first, note, second]);
    expect(plan?.sends.map(({ change, changeId, replaces }) => ({ field: change.field, changeId, replaces }))).toEqual([
      { field: 'value', changeId: second.changeId, replaces: [first.changeId] },
      { field: 'note', changeId: note.changeId, replaces: [] },
    ]);
    // A note typed offline in 120 bursts names its first and last ten earlier ids, within the server's limit.
    const bursts = Array.from({ length: 120 }, (_, i) =>
      withId(entry('2.1.2', { field: 'note', note: 'x'.repeat(i + 1) }), `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    );
    const [typed] = planReplay(bursts);
    const earlier = bursts.slice(0, -1).map((e) => e.changeId);
    expect(typed?.sends[0]?.changeId).toBe(bursts.at(-1)?.changeId);
    expect(typed?.sends[0]?.replaces).toEqual([...earlier.slice(0, 10), ...earlier.slice(-10)]);
    // An entry kept before ids were given sends none (the server meets it as before).
    const [legacy] = planReplay([first, entry('2.1.1', { field: 'value', value: 'na', naReason: 'x' })]);
    expect(legacy?.sends[0]?.changeId).toBeUndefined();
    expect(legacy?.sends[0]?.replaces).toEqual([first.changeId]);
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
