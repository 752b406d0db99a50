import { describe, expect, it } from 'vitest';
import {
  casePaths,
  casesToFetch,
  casesToForget,
  chooseOfflineCases,
  describeOfflineCases,
  describePendingChanges,
  EMPTY_KEPT,
  isPageOfCases,
  recordAfterRun,
  runPolitely,
  type OfflineCase,
} from './offline-cases';

const kase = (id: string, fingerprint = 'f1'): OfflineCase => ({
  id,
  reference: `REF-${id}`,
  fingerprint,
  paths: casePaths('i1', id, ['2.1', '2.2']),
});

describe('making allocated cases available offline', () => {
  it('keeps the task list, every standard page and check your answers of a case', () => {
    expect(casePaths('i1', 'c1', ['2.1', '2.2'])).toEqual([
      '/inspections/i1/cases/c1',
      '/inspections/i1/cases/c1/standards/2.1',
      '/inspections/i1/cases/c1/standards/2.2',
      '/inspections/i1/cases/c1/check',
    ]);
  });

  it('keeps at most the limit, cases not yet complete first', () => {
    const list = [
      { id: 'a', status: 'complete' as const },
      { id: 'b', status: 'in_progress' as const },
      { id: 'c', status: 'not_started' as const },
      { id: 'd', status: 'complete' as const },
    ];
    expect(chooseOfflineCases(list, 3).map((c) => c.id)).toEqual(['b', 'c', 'a']);
    expect(chooseOfflineCases(list).map((c) => c.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(chooseOfflineCases([], 3)).toEqual([]);
  });

  it('fetches new and changed cases and any whose pages are not all kept; skips unchanged ones', () => {
    const cases = [kase('a'), kase('b', 'f2'), kase('c'), kase('d')];
    const kept = { fingerprints: { a: 'f1', b: 'f1', c: 'f1' }, updatedAt: 1 };
    const isKept = (p: string) => !p.startsWith('/inspections/i1/cases/c/check');
    expect(casesToFetch(cases, kept, isKept).map((c) => c.id)).toEqual(['b', 'c', 'd']);
    expect(casesToFetch(cases, kept, isKept, true).map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(casesToFetch([], EMPTY_KEPT, () => true)).toEqual([]);
  });

  it('forgets cases no longer allocated, and only their pages', () => {
    expect(casesToForget([kase('a')], { fingerprints: { a: 'f1', gone: 'f1' }, updatedAt: 1 })).toEqual(['gone']);
    expect(isPageOfCases('/inspections/i1/cases/gone/standards/2.1', 'i1', ['gone'])).toBe(true);
    expect(isPageOfCases('/inspections/i1/cases/gone', 'i1', ['gone'])).toBe(true);
    expect(isPageOfCases('/inspections/i1/cases/gone2', 'i1', ['gone'])).toBe(false);
    expect(isPageOfCases('/inspections/i2/cases/gone', 'i1', ['gone'])).toBe(false);
  });

  it('records a case as kept only when all its pages were, and the time only when every case is kept', () => {
    const cases = [kase('a', 'new'), kase('b'), kase('c')];
    const kept = { fingerprints: { a: 'old', b: 'f1', gone: 'f1' }, updatedAt: 5 };
    const partly = recordAfterRun(cases, kept, [cases[0]!, cases[2]!], new Set(['c']), 10);
    expect(partly).toEqual({ fingerprints: { a: 'new', b: 'f1' }, updatedAt: 5 });
    const fully = recordAfterRun(cases, kept, [cases[0]!, cases[2]!], new Set(), 10);
    expect(fully).toEqual({ fingerprints: { a: 'new', b: 'f1', c: 'f1' }, updatedAt: 10 });
    // A failed case loses its old fingerprint: its pages may be half replaced, so it is fetched next time.
    expect(
      recordAfterRun([kase('a', 'new')], { fingerprints: { a: 'old' }, updatedAt: 5 }, [kase('a', 'new')], new Set(['a']), 10),
    ).toEqual({
      fingerprints: {},
      updatedAt: 5,
    });
  });

  it('says how far it has got, in the words of the issue', () => {
    expect(describeOfflineCases({ kind: 'working', done: 3, total: 6 })).toBe('Making cases available offline: 3 of 6…');
    const at = new Date(2026, 11, 3, 10, 42).getTime();
    expect(describeOfflineCases({ kind: 'ready', total: 6, updatedAt: at })).toBe('Your 6 cases are available offline (updated 10:42)');
    expect(describeOfflineCases({ kind: 'ready', total: 1, updatedAt: at })).toBe('Your case is available offline (updated 10:42)');
    expect(describeOfflineCases({ kind: 'partial', kept: 3, total: 6, reason: 'offline', updatedAt: null })).toBe(
      'You are offline: 3 of your 6 cases are available offline. The rest follow when the connection is back.',
    );
    expect(describeOfflineCases({ kind: 'partial', kept: 1, total: 2, reason: 'failed', updatedAt: null })).toBe(
      '1 of your 2 cases is available offline. Some pages could not be fetched; try again.',
    );
    expect(describeOfflineCases({ kind: 'partial', kept: 0, total: 2, reason: 'signed-out', updatedAt: null })).toContain('Sign in again');
  });

  it('runs at most the given number of fetches at once, and stops when told', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await runPolitely(
      [1, 2, 3, 4, 5],
      2,
      async (n) => {
        running += 1;
        most = Math.max(most, running);
        seen.push(n);
        await new Promise((r) => setTimeout(r, 1));
        running -= 1;
      },
      () => false,
    );
    expect(most).toBe(2);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5]);

    const sequential: number[] = [];
    await runPolitely(
      [1, 2, 3, 4],
      1,
      async (n) => void sequential.push(n),
      () => sequential.length >= 2,
    );
    expect(sequential).toEqual([1, 2]);
    await runPolitely(
      [],
      2,
      async () => undefined,
      () => false,
    );
  });

  it('lists the changes waiting on the device one line each', () => {
    expect(
      describePendingChanges([
        { key: '2.1.1', sends: [{ key: '2.1.1', seqs: [1], madeAt: 0, replaces: [], change: { field: 'value', value: 'no' } }] },
        {
          key: '2.1.2',
          sends: [
            { key: '2.1.2', seqs: [2], madeAt: 0, replaces: [], change: { field: 'value', value: 'na', naReason: 'No plan was needed' } },
          ],
        },
        { key: '2.1.1', sends: [{ key: '2.1.1', seqs: [3], madeAt: 0, replaces: [], change: { field: 'note', note: 'Plan was late.' } }] },
        {
          key: 'case',
          sends: [{ key: 'case', seqs: [4], madeAt: 0, replaces: [], change: { field: 'details', patch: { agreesWithRosh: false } } }],
        },
      ]),
    ).toEqual([
      '2.1.1: No',
      '2.1.2: Not applicable — No plan was needed',
      '2.1.1 evidence: Plan was late.',
      'Agree with the risk of serious harm classification: No',
    ]);
  });
});
