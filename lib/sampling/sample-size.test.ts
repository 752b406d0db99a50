import { describe, expect, it } from 'vitest';
import {
  achievedMarginOfError,
  computeSampleSize,
  MARGIN_OF_ERROR,
  planSampleSizes,
  sixtyFortyOutOfCourtSize,
  UNCORRECTED_SAMPLE_SIZE,
} from './sample-size';

describe('computeSampleSize (80% confidence, margin of error 5, finite population correction)', () => {
  it('n0 = 1.2816² × 0.25 / 0.05² = 164.249856', () => {
    expect(UNCORRECTED_SAMPLE_SIZE).toBeCloseTo(164.249856, 9);
  });

  // Worked by hand: n = 164.249856 / (1 + 163.249856 / N), rounded up.
  it.each([
    [0, 0],
    [1, 1], // 164.25 / 164.25 = 1
    [2, 2], // 164.25 / 82.62 = 1.988
    [10, 10], // 164.25 / 17.325 = 9.481
    [13, 13], // 164.25 / 13.558 = 12.114 — Blackpool 2021 examined 13 court disposals
    [20, 18], // 164.25 / 9.1625 = 17.926
    [50, 39], // 164.25 / 4.2650 = 38.511
    [100, 63], // 164.25 / 2.6325 = 62.393
    [1000, 142], // 164.25 / 1.16325 = 141.199
    [1_000_000, 165], // tends to n0 = 164.25
  ])('N = %i gives n = %i', (population, size) => {
    expect(computeSampleSize(population).size).toBe(size);
  });

  it('shows its working', () => {
    const w = computeSampleSize(20);
    expect(w.corrected).toBeCloseTo(17.9263, 4);
    expect(w.uncorrected).toBeCloseTo(164.249856, 6);
  });

  it('never exceeds the population and refuses nonsense', () => {
    for (let n = 0; n < 400; n++) expect(computeSampleSize(n).size).toBeLessThanOrEqual(n);
    expect(() => computeSampleSize(-1)).toThrow(RangeError);
    expect(() => computeSampleSize(2.5)).toThrow(RangeError);
  });
});

describe('sixtyFortyOutOfCourtSize', () => {
  it('makes out-of-court cases 40 per cent of the combined sample, capped at those eligible', () => {
    expect(sixtyFortyOutOfCourtSize(9, 30)).toBe(6); // 9 + 6 = 15: 60% / 40%
    // Wigan 2021 examined 9 court and 5 out-of-court cases: the rule gives 6 unless only 5 were eligible.
    expect(sixtyFortyOutOfCourtSize(9, 20)).toBe(6);
    expect(sixtyFortyOutOfCourtSize(9, 5)).toBe(5);
    expect(sixtyFortyOutOfCourtSize(0, 5)).toBe(0);
  });
});

describe('planSampleSizes', () => {
  it('uses the formula, the 60/40 rule, four resettlement cases and overrides', () => {
    const plan = planSampleSizes({
      eligible: { court: 20, out_of_court: 40, resettlement: 7 },
      types: ['court', 'out_of_court', 'resettlement'],
      isSixtyForty: true,
      overrides: {},
    });
    expect(plan.map((p) => [p.type, p.rule, p.size])).toEqual([
      ['court', 'formula', 18],
      ['out_of_court', 'sixty_forty', 12],
      ['resettlement', 'illustrative', 4],
    ]);
    const overridden = planSampleSizes({
      eligible: { court: 20 },
      types: ['court'],
      isSixtyForty: false,
      overrides: { court: { size: 25, reason: 'Two more teams' } },
    });
    expect(overridden[0]).toMatchObject({ rule: 'override', computed: 18, size: 20, overrideReason: 'Two more teams', marginOfError: 0 });
  });

  it('says what margin of error each size achieves', () => {
    const plan = planSampleSizes({
      eligible: { court: 100, out_of_court: 40 },
      types: ['court', 'out_of_court'],
      isSixtyForty: true,
      overrides: {},
    });
    // Court: the formula's 63 of 100 → 1.2816 · ½ · √(37 / (63 · 99)) = 0.04936, inside the five points.
    expect(plan[0]?.marginOfError).toBeCloseTo(0.049355, 6);
    // Out-of-court by 60/40: 42 of 40 asked, capped at 40 → every case, margin 0, and the split is not 60/40.
    expect(plan[1]).toMatchObject({ size: 40, marginOfError: 0, sixtyFortyShortfall: { asked: 42, eligible: 40 } });
  });

  it('warns when the cap breaks the 60/40 split, and not otherwise', () => {
    const plan = (outOfCourt: number) =>
      planSampleSizes({
        eligible: { court: 9, out_of_court: outOfCourt },
        types: ['court', 'out_of_court'],
        isSixtyForty: true,
        overrides: {},
      });
    // 9 court cases (all eligible taken): 6 out-of-court asked.
    expect(plan(20)[1]).toMatchObject({ size: 6, sixtyFortyShortfall: null });
    expect(plan(5)[1]).toMatchObject({ size: 5, sixtyFortyShortfall: { asked: 6, eligible: 5 } });
    expect(plan(6)[1]?.sixtyFortyShortfall).toBeNull();
  });
});

describe('achievedMarginOfError', () => {
  it('inverts the formula: the formula’s own sizes come in at five points or under', () => {
    for (const N of [10, 13, 20, 50, 100, 1000, 5000]) {
      const { size } = computeSampleSize(N);
      expect(achievedMarginOfError(size, N)).toBeLessThanOrEqual(MARGIN_OF_ERROR + 1e-12);
    }
  });

  it('shows what a smaller size buys: 5 of 20 is ±25.5 points, 6 of 20 ±22.5, 1 of 2 ±64', () => {
    // 1.2816 · ½ · √(15 / (5 · 19)) = 0.25463; √(14 / (6 · 19)) → 0.22456; √(1 / (1 · 1)) → 0.6408.
    expect(achievedMarginOfError(5, 20)).toBeCloseTo(0.254628, 6);
    expect(achievedMarginOfError(6, 20)).toBeCloseTo(0.224561, 6);
    expect(achievedMarginOfError(1, 2)).toBeCloseTo(0.6408, 12);
    expect(achievedMarginOfError(20, 20)).toBe(0);
    expect(achievedMarginOfError(0, 20)).toBeNull();
  });
});
