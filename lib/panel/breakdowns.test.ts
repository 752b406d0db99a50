import { describe, expect, it } from 'vitest';
import { getFramework } from '@/lib/framework';
import {
  buildBreakdowns,
  describeFigures,
  groupFigures,
  SMALL_SUB_SAMPLE,
  type BreakdownCaseRow,
  type BreakdownCountRow,
} from './breakdowns';
import { at } from '@/lib/must';

const framework = getFramework('2021');

describe('buildBreakdowns', () => {
  it('keeps user-supplied group values such as __proto__ and constructor as ordinary groups', () => {
    const cases: BreakdownCaseRow[] = [
      { dimension: 'gender', value: '__proto__', cases: 3 },
      { dimension: 'gender', value: 'constructor', cases: 2 },
      { dimension: 'gender', value: null, cases: 1 },
    ];
    const counts: BreakdownCountRow[] = [
      { dimension: 'gender', value: '__proto__', questionId: '2.1.1', counts: { yes: 2, no: 1, na: 0 } },
      { dimension: 'gender', value: 'constructor', questionId: '2.1.1', counts: { yes: 1, no: 1, na: 0 } },
      { dimension: 'gender', value: null, questionId: '2.1.1', counts: { yes: 0, no: 0, na: 1 } },
    ];
    const gender = buildBreakdowns(framework, counts, cases).find((d) => d.id === 'gender')!;
    expect(gender.groups.map((g) => [g.label, g.cases])).toEqual([
      ['__proto__', 3],
      ['constructor', 2],
      ['Not recorded', 1],
    ]);
    const kq = gender.keyQuestions.find((k) => k.id === '2.1.1')!;
    expect(groupFigures(kq, '__proto__')).toMatchObject({ yes: 2, relevant: 3, pct: 67, isSmallSubSample: true });
    expect(groupFigures(kq, 'constructor')).toMatchObject({ yes: 1, relevant: 2, pct: 50 });
    expect(groupFigures(kq, null)).toMatchObject({ relevant: 0, pct: null, isSmallSubSample: false });
    expect(kq.all).toMatchObject({ yes: 3, relevant: 5, pct: 60 });
    expect(describeFigures(groupFigures(kq, '__proto__'))).toBe('67% (2 of 3)');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype); // nothing was polluted
  });

  it('orders levels and disposals as the method does, not alphabetically, and flags small sub-samples', () => {
    const cases: BreakdownCaseRow[] = [
      { dimension: 'rosh', value: 'very_high', cases: 1 },
      { dimension: 'rosh', value: 'low', cases: SMALL_SUB_SAMPLE },
      { dimension: 'rosh', value: 'high', cases: 2 },
      { dimension: 'disposal', value: 'youth_caution', cases: 1 },
      { dimension: 'disposal', value: 'referral_order', cases: 1 },
    ];
    const counts: BreakdownCountRow[] = [
      { dimension: 'rosh', value: 'low', questionId: '2.1.1', counts: { yes: SMALL_SUB_SAMPLE, no: 0, na: 0 } },
    ];
    const dims = buildBreakdowns(framework, counts, cases);
    const rosh = dims.find((d) => d.id === 'rosh')!;
    expect(rosh.groups.map((g) => g.label)).toEqual(['Low', 'High', 'Very high']);
    expect(groupFigures(at(rosh.keyQuestions, 0), 'low')).toMatchObject({ pct: 100, isSmallSubSample: false });
    expect(dims.find((d) => d.id === 'disposal')!.groups.map((g) => g.label)).toEqual(['Referral order', 'Youth caution']);
  });
});
