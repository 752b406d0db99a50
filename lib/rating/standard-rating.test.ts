import { describe, expect, it } from 'vitest';
import { findStandard } from '@/lib/framework';
import type { Standard } from '@/lib/framework/types';
import { c, syntheticFramework } from './test-support/synthetic-framework';
import { rateCaseMarkedStandard } from './standard-rating';

const fw = syntheticFramework('2018');
const assessment = findStandard(fw, '2.1') as Standard;

describe('rateCaseMarkedStandard', () => {
  it('rates a standard by the band of its lowest key question and says which', () => {
    const r = rateCaseMarkedStandard(assessment, { '2.1.1': c(11, 2), '2.1.2': c(12, 1), '2.1.3': c(10, 3) });
    expect(r.keyQuestions['2.1.1']).toMatchObject({ pct: 85, band: 'outstanding' });
    expect(r.keyQuestions['2.1.3']).toMatchObject({ pct: 77, band: 'good' });
    expect(r.computedRating).toBe('good');
    expect(r.lowestKeyQuestion).toBe('2.1.3');
    expect(r.notRatableReason).toBeNull();
  });

  it.each([
    [49, 'inadequate'],
    [50, 'requires_improvement'],
    [64, 'requires_improvement'],
    [65, 'good'],
    [79, 'good'],
    [80, 'outstanding'],
  ] as const)('a lowest key question at %i%% rates the standard %s', (yes, rating) => {
    const r = rateCaseMarkedStandard(assessment, { '2.1.1': c(100, 0), '2.1.2': c(yes, 100 - yes), '2.1.3': c(90, 10) });
    expect(r.computedRating).toBe(rating);
    expect(r.lowestKeyQuestion).toBe('2.1.2');
  });

  it('uses the rounded percentage: 64.5% (129 of 200) is Good, 49.5% is Requires improvement', () => {
    expect(rateCaseMarkedStandard(assessment, { '2.1.1': c(129, 71) }).computedRating).toBe('good');
    expect(rateCaseMarkedStandard(assessment, { '2.1.1': c(99, 101) }).computedRating).toBe('requires_improvement');
  });

  it('ignores key questions with no relevant cases', () => {
    const r = rateCaseMarkedStandard(assessment, { '2.1.1': c(9, 1), '2.1.2': c(0, 0, 10) });
    expect(r.keyQuestions['2.1.2']).toMatchObject({ relevant: 0, pct: null, band: null });
    expect(r.keyQuestions['2.1.3']).toMatchObject({ relevant: 0, pct: null, band: null });
    expect(r.computedRating).toBe('outstanding');
    expect(r.lowestKeyQuestion).toBe('2.1.1');
  });

  it('is not ratable (null with a reason) when no key question has a relevant case', () => {
    const r = rateCaseMarkedStandard(assessment, { '2.1.1': c(0, 0, 4) });
    expect(r.computedRating).toBeNull();
    expect(r.lowestKeyQuestion).toBeNull();
    expect(r.notRatableReason).toMatch(/2\.1 cannot be rated yet/);
  });

  it('breaks a tie on the whole percentage by the exact fraction, then printed order', () => {
    // 2.1.1: 6 of 11 = 54.5% → 55; 2.1.2: 11 of 20 = 55% → 55. The exact lower one is 2.1.1.
    const r = rateCaseMarkedStandard(assessment, { '2.1.1': c(6, 5), '2.1.2': c(11, 9) });
    expect(r.lowestKeyQuestion).toBe('2.1.1');
    const tie = rateCaseMarkedStandard(assessment, { '2.1.2': c(1, 1), '2.1.3': c(2, 2) });
    expect(tie.lowestKeyQuestion).toBe('2.1.2');
  });

  it('computes prompt percentages but never uses them for the rating', () => {
    const r = rateCaseMarkedStandard(assessment, { '2.1.1': c(10, 0), '2.1.1.a': c(1, 9) });
    expect(r.prompts['2.1.1.a']).toMatchObject({ pct: 10, relevant: 10 });
    expect(r.prompts['2.1.1.b']).toMatchObject({ pct: null, relevant: 0 });
    expect(r.computedRating).toBe('outstanding');
  });
});
