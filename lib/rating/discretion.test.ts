import { describe, expect, it } from 'vitest';
import { findStandard } from '@/lib/framework';
import type { Standard } from '@/lib/framework/types';
import { discretionFlags, nearBoundaryFlag } from './discretion';
import { keyQuestionResult, rateCaseMarkedStandard } from './standard-rating';
import { c, syntheticFramework } from './test-support/synthetic-framework';
import { at } from '@/lib/must';

const fw = syntheticFramework('2018');
const standard = (id: string) => findStandard(fw, id) as Standard;
const flagsOf = (id: string, counts: Parameters<typeof rateCaseMarkedStandard>[1]) =>
  discretionFlags(rateCaseMarkedStandard(standard(id), counts));

describe('near_boundary', () => {
  const kq = at(standard('2.1').keyQuestions, 2);
  const lowestAt = (yes: number, relevant = 100) => nearBoundaryFlag(keyQuestionResult(kq, { '2.1.3': c(yes, relevant - yes) }));

  it('names the percentage, the key question and the nearest boundary', () => {
    expect(lowestAt(6, 13)).toEqual({
      code: 'near_boundary',
      reason:
        'The lowest key-question percentage, 46% on 2.1.3 (Keeping other people safe), is 4 points below the 50% boundary between Inadequate and Requires improvement.',
      keyQuestionIds: ['2.1.3'],
    });
    expect(lowestAt(83)?.reason).toBe(
      'The lowest key-question percentage, 83% on 2.1.3 (Keeping other people safe), is 3 points above the 80% boundary between Good and Outstanding.',
    );
    expect(lowestAt(65)?.reason).toBe(
      'The lowest key-question percentage, 65% on 2.1.3 (Keeping other people safe), is exactly on the 65% boundary between Requires improvement and Good.',
    );
    expect(lowestAt(64)?.reason).toBe(
      'The lowest key-question percentage, 64% on 2.1.3 (Keeping other people safe), is 1 point below the 65% boundary between Requires improvement and Good.',
    );
  });

  it('counts 5 points either side as near, inclusive, and nothing further', () => {
    for (const pct of [45, 50, 55, 60, 65, 70, 75, 80, 85]) expect(lowestAt(pct), `${pct}%`).not.toBeNull();
    for (const pct of [0, 44, 56, 59, 71, 74, 86, 100]) expect(lowestAt(pct), `${pct}%`).toBeNull();
  });

  it('uses the rounded percentage (44.5% prints as 45: near)', () => {
    expect(lowestAt(89, 200)?.reason).toContain('45% on 2.1.3');
  });
});

describe('one_case_flips', () => {
  it('names the answer that would change the standard (Leicestershire 2021, 2.1: 77/54/46)', () => {
    const flags = flagsOf('2.1', { '2.1.1': c(10, 3), '2.1.2': c(7, 6), '2.1.3': c(6, 7) });
    expect(flags.find((f) => f.code === 'one_case_flips')).toEqual({
      code: 'one_case_flips',
      reason:
        "A different judgement in one case would change the rating (Inadequate): one more 'yes' on 2.1.3 (Keeping other people safe) would make it Requires improvement.",
      keyQuestionIds: ['2.1.3'],
      changes: [{ keyQuestionId: '2.1.3', direction: 'one_more_yes', pct: 54, rating: 'requires_improvement' }],
    });
  });

  it('checks both directions (Wigan 2021, 2.3: 7/9, 7/8, 4/7)', () => {
    const flags = flagsOf('2.3', { '2.3.1': c(7, 2), '2.3.2': c(7, 1), '2.3.3': c(4, 3) });
    expect(flags.map((f) => f.code)).toEqual(['one_case_flips']);
    expect(flags[0]?.reason).toBe(
      "A different judgement in one case would change the rating (Requires improvement): one more 'yes' on 2.3.3 (Keeping other people safe) would make it Good; one fewer 'yes' on 2.3.3 (Keeping other people safe) would make it Inadequate.",
    );
  });

  it("finds a 'yes' turned 'no' on a key question that is not the lowest", () => {
    // 2.2.1 at 65% sets Good; 2.2.3 at 67% would drop to 60% with one fewer yes.
    const flags = flagsOf('2.2', { '2.2.1': c(13, 7), '2.2.2': c(9, 1), '2.2.3': c(10, 5) });
    const flips = flags.find((f) => f.code === 'one_case_flips');
    expect(flips?.reason).toBe(
      "A different judgement in one case would change the rating (Good): one fewer 'yes' on 2.2.1 (Desistance) would make it Requires improvement; one fewer 'yes' on 2.2.3 (Keeping other people safe) would make it Requires improvement.",
    );
    expect(flips?.keyQuestionIds).toEqual(['2.2.1', '2.2.3']);
  });

  it('does not flag a standard that one case cannot move', () => {
    expect(flagsOf('2.1', { '2.1.1': c(20, 0), '2.1.2': c(20, 0), '2.1.3': c(19, 1) })).toEqual([]);
  });
});

describe('small_sample', () => {
  it('flags key questions resting on 1–5 relevant cases (Wigan 2021, 3.4: 4 of 5 and 1 of 1)', () => {
    const flags = flagsOf('3.4', { '3.4.1': c(4, 1), '3.4.2': c(1, 0) });
    expect(flags.map((f) => f.code)).toEqual(['near_boundary', 'one_case_flips', 'small_sample']);
    expect(flags[0]?.reason).toBe(
      'The lowest key-question percentage, 80% on 3.4.1 (Recommendations), is exactly on the 80% boundary between Good and Outstanding.',
    );
    expect(flags[1]?.reason).toBe(
      "A different judgement in one case would change the rating (Outstanding): one fewer 'yes' on 3.4.1 (Recommendations) would make it Requires improvement; one fewer 'yes' on 3.4.2 (Working with the police) would make it Inadequate.",
    );
    expect(flags[2]).toEqual({
      code: 'small_sample',
      reason:
        'The rating rests on a sample or sub-sample of 5 cases or fewer: 3.4.1 (Recommendations) has 5 relevant cases; 3.4.2 (Working with the police) has 1 relevant case.',
      keyQuestionIds: ['3.4.1', '3.4.2'],
    });
  });

  it('does not count 6 relevant cases, or key questions with none', () => {
    const flags = flagsOf('2.1', { '2.1.1': c(6, 0), '2.1.2': c(0, 0, 6) });
    expect(flags.find((f) => f.code === 'small_sample')).toBeUndefined();
  });
});

describe('discretionFlags', () => {
  it('gives none for a standard that is not ratable', () => {
    expect(flagsOf('2.4', { '2.4.1': c(0, 0, 3) })).toEqual([]);
  });
});
