import { describe, expect, it } from 'vitest';
import {
  agreementStats,
  agreementTable,
  kappaStrength,
  SMALL_SAMPLE_CASES,
  type Category,
  type QuestionPair,
  type RatedPair,
} from './agreement';

/** `count` copies of one cell of the two markers' cross-table. */
function cell(first: Category, second: Category, count: number): RatedPair[] {
  return Array.from({ length: count }, () => ({ first, second }));
}

function pair(standardId: string, questionId: string, caseId: string, first: Category, second: Category): QuestionPair {
  return { standardId, questionId, caseId, first, second };
}

describe('agreementStats: worked examples', () => {
  it('Cohen\'s two-category example (Wikipedia, "Cohen\'s kappa"): po 0.70, pe 0.50, κ 0.40', () => {
    // 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no. First marker: 25 yes, 25 no; second: 30 yes, 20 no.
    // pe = 0.5·0.6 + 0.5·0.4 = 0.50; κ = (0.70 − 0.50) / (1 − 0.50) = 0.40.
    const stats = agreementStats([...cell('yes', 'yes', 20), ...cell('yes', 'no', 5), ...cell('no', 'yes', 10), ...cell('no', 'no', 15)]);
    expect(stats).toEqual({
      n: 50,
      agreed: 35,
      percentAgreement: 70,
      kappa: 0.4,
      expectedAgreement: 0.5,
      isSmallSample: false,
      warning: null,
      strength: 'fair',
    });
  });

  it('three categories, computed by hand: κ = 329/569 ≈ 0.578 (moderate)', () => {
    //               second: yes  no  na | first total
    // first yes              10   2   1 | 13
    // first no                3   8   1 | 12
    // first na                0   1   4 |  5
    // second total           13  11   6 | n = 30
    // agreed = 10 + 8 + 4 = 22, po = 22/30 ≈ 0.7333
    // pe = (13·13 + 12·11 + 5·6) / 30² = (169 + 132 + 30) / 900 = 331/900 ≈ 0.3678
    // κ = (30·22 − 331) / (900 − 331) = 329/569 ≈ 0.5782
    const stats = agreementStats([
      ...cell('yes', 'yes', 10),
      ...cell('yes', 'no', 2),
      ...cell('yes', 'na', 1),
      ...cell('no', 'yes', 3),
      ...cell('no', 'no', 8),
      ...cell('no', 'na', 1),
      ...cell('na', 'no', 1),
      ...cell('na', 'na', 4),
    ]);
    expect(stats.n).toBe(30);
    expect(stats.agreed).toBe(22);
    expect(stats.percentAgreement).toBeCloseTo(73.333, 3);
    expect(stats.expectedAgreement).toBeCloseTo(331 / 900, 12);
    expect(stats.kappa).toBeCloseTo(329 / 569, 12);
    expect(stats.kappa).toBeCloseTo(0.5782, 4);
    expect(stats.strength).toBe('moderate');
    expect(stats.warning).toBeNull();
  });

  it('perfect agreement on varied answers: κ = 1', () => {
    // 6 yes/yes, 4 no/no: pe = 0.6² + 0.4² = 0.52, κ = (1 − 0.52) / (1 − 0.52) = 1.
    const stats = agreementStats([...cell('yes', 'yes', 6), ...cell('no', 'no', 4)]);
    expect(stats).toMatchObject({ n: 10, agreed: 10, percentAgreement: 100, kappa: 1, strength: 'almost perfect', warning: null });
    expect(stats.expectedAgreement).toBeCloseTo(0.52, 12);
  });

  it('every answer the same from both markers: agreement 100% but kappa undefined, said plainly', () => {
    // pe = 1 · 1 = 1, so κ = 0/0.
    const stats = agreementStats(cell('yes', 'yes', 12));
    expect(stats).toMatchObject({ n: 12, agreed: 12, percentAgreement: 100, kappa: null, expectedAgreement: 1, strength: null });
    expect(stats.isSmallSample).toBe(false);
    expect(stats.warning).toBe(
      'Both inspectors answered Yes every time: they agree on all of them, but kappa cannot be calculated when every answer is the same.',
    );
    expect(agreementStats(cell('na', 'na', 10)).warning).toContain('answered Not applicable every time');
  });

  it('systematic disagreement: κ = −1 (poor)', () => {
    // 10 yes/no, 10 no/yes: po 0, pe = 0.5·0.5 + 0.5·0.5 = 0.5, κ = (0 − 0.5) / 0.5 = −1.
    const stats = agreementStats([...cell('yes', 'no', 10), ...cell('no', 'yes', 10)]);
    expect(stats).toMatchObject({ n: 20, agreed: 0, percentAgreement: 0, kappa: -1, expectedAgreement: 0.5, strength: 'poor' });
  });

  it('one marker always Yes, the other always No: no agreement, and none expected by chance (κ = 0)', () => {
    // pe = 1·0 + 0·1 = 0, κ = (0 − 0) / 1 = 0: kappa measures agreement beyond chance, and there is none.
    const stats = agreementStats(cell('yes', 'no', 10));
    expect(stats).toMatchObject({ percentAgreement: 0, kappa: 0, expectedAgreement: 0, strength: 'slight', warning: null });
  });

  it('high percentage agreement can still be modest kappa when one answer dominates', () => {
    // 17 yes/yes, 1 yes/no, 1 no/yes, 1 no/no: po 0.90; marginals 18/2 both, pe = 0.81 + 0.01 = 0.82;
    // κ = (0.90 − 0.82) / 0.18 = 0.08/0.18 = 4/9 ≈ 0.444.
    const stats = agreementStats([...cell('yes', 'yes', 17), ...cell('yes', 'no', 1), ...cell('no', 'yes', 1), ...cell('no', 'no', 1)]);
    expect(stats.percentAgreement).toBe(90);
    expect(stats.kappa).toBeCloseTo(4 / 9, 12);
    expect(stats.strength).toBe('moderate');
  });
});

describe('agreementStats: too little to go on', () => {
  it('no pairs: nothing to compare, every figure null', () => {
    expect(agreementStats([])).toEqual({
      n: 0,
      agreed: 0,
      percentAgreement: null,
      kappa: null,
      expectedAgreement: null,
      isSmallSample: true,
      warning: 'No double-marked cases yet: there is nothing to compare.',
      strength: null,
    });
  });

  it('a small sample keeps its figures and says they mean little', () => {
    // 2 yes/yes, 1 no/no, 1 yes/no: r = (3, 1), c = (2, 2); Σ r·c = 8; κ = (4·3 − 8) / (16 − 8) = 0.5.
    const stats = agreementStats([...cell('yes', 'yes', 2), ...cell('no', 'no', 1), ...cell('yes', 'no', 1)]);
    expect(stats).toMatchObject({ n: 4, agreed: 3, percentAgreement: 75, kappa: 0.5, strength: 'moderate', isSmallSample: true });
    expect(stats.warning).toBe('Only 4 double-marked cases: too few for the agreement figures to mean much.');
    expect(agreementStats(cell('yes', 'no', 1)).warning).toBe('Only 1 double-marked case: too few for the agreement figures to mean much.');
  });

  it(`the warning stops at ${SMALL_SAMPLE_CASES} cases`, () => {
    const mixed = (n: number) => [...cell('yes', 'yes', n - 1), ...cell('no', 'no', 1)];
    expect(agreementStats(mixed(SMALL_SAMPLE_CASES - 1)).isSmallSample).toBe(true);
    expect(agreementStats(mixed(SMALL_SAMPLE_CASES))).toMatchObject({ isSmallSample: false, warning: null });
  });

  it('small and all the same: both caveats, in one message', () => {
    const stats = agreementStats(cell('no', 'no', 3));
    expect(stats.kappa).toBeNull();
    expect(stats.warning).toBe(
      'Only 3 double-marked cases: too few for the agreement figures to mean much. Both inspectors answered No every time: they agree on all of them, but kappa cannot be calculated when every answer is the same.',
    );
  });

  it('counts cases, not pairs, when told how many cases the pairs come from', () => {
    const stats = agreementStats([...cell('yes', 'yes', 8), ...cell('no', 'no', 4)], { caseCount: 4 });
    expect(stats.n).toBe(12);
    expect(stats.isSmallSample).toBe(true);
    expect(stats.warning).toBe('Only 4 double-marked cases: too few for the agreement figures to mean much.');
  });
});

describe('kappaStrength (Landis & Koch 1977)', () => {
  it.each([
    [-1, 'poor'],
    [-0.01, 'poor'],
    [0, 'slight'],
    [0.2, 'slight'],
    [0.21, 'fair'],
    [0.4, 'fair'],
    [0.41, 'moderate'],
    [0.6, 'moderate'],
    [0.61, 'substantial'],
    [0.8, 'substantial'],
    [0.81, 'almost perfect'],
    [1, 'almost perfect'],
  ])('%s is %s', (kappa, strength) => {
    expect(kappaStrength(kappa)).toBe(strength);
  });
});

describe('agreementTable', () => {
  // Given out of order on purpose; case-10 sorts after case-2.
  const pairs: QuestionPair[] = [
    pair('2.2', '2.2.1', 'case-2', 'yes', 'no'),
    pair('2.1', '2.1.2', 'case-10', 'no', 'no'),
    pair('2.1', '2.1.1', 'case-10', 'yes', 'no'),
    pair('2.1', '2.1.2', 'case-2', 'yes', 'yes'),
    pair('1.1', '1.1.1', 'case-1', 'na', 'na'),
    pair('2.1', '2.1.1', 'case-2', 'no', 'yes'),
    pair('2.1', '2.1.1', 'case-1', 'yes', 'yes'),
    pair('2.2', '2.2.1', 'case-1', 'no', 'no'),
    pair('2.1', '2.1.2', 'case-1', 'no', 'yes'),
  ];

  it('groups by key question and by standard, in framework order', () => {
    const table = agreementTable(pairs);
    expect([...table.byQuestion.keys()]).toEqual(['1.1.1', '2.1.1', '2.1.2', '2.2.1']);
    expect([...table.byStandard.keys()]).toEqual(['1.1', '2.1', '2.2']);

    // 2.1.1: case-1 yes/yes, case-2 no/yes, case-10 yes/no → 1 of 3; r = (2 yes, 1 no), c = (2 yes, 1 no);
    // Σ r·c = 4 + 1 = 5; κ = (3·1 − 5) / (9 − 5) = −0.5.
    expect(table.byQuestion.get('2.1.1')).toMatchObject({ n: 3, agreed: 1, kappa: -0.5, strength: 'poor', isSmallSample: true });
    expect(table.byQuestion.get('1.1.1')).toMatchObject({ n: 1, agreed: 1, kappa: null });

    // 2.1 pools 2.1.1 and 2.1.2: six pairs from three cases.
    // Pairs: yes/yes, no/yes, yes/no, no/yes, yes/yes, no/no → agreed 3; r = (3 yes, 3 no), c = (4 yes, 2 no);
    // Σ r·c = 12 + 6 = 18; κ = (6·3 − 18) / (36 − 18) = 0.
    const standard = table.byStandard.get('2.1');
    expect(standard).toMatchObject({ n: 6, agreed: 3, percentAgreement: 50, kappa: 0, expectedAgreement: 0.5, strength: 'slight' });
    expect(standard?.warning).toBe('Only 3 double-marked cases: too few for the agreement figures to mean much.');
  });

  it('lists the disagreements by standard, question, then case', () => {
    expect(agreementTable(pairs).disagreements.map((p) => `${p.questionId} ${p.caseId} ${p.first}/${p.second}`)).toEqual([
      '2.1.1 case-2 no/yes',
      '2.1.1 case-10 yes/no',
      '2.1.2 case-1 no/yes',
      '2.2.1 case-2 yes/no',
    ]);
  });

  it('orders ids naturally and gives the same answer whatever order the pairs come in', () => {
    const shuffled = [...pairs].reverse();
    const a = agreementTable(pairs);
    const b = agreementTable(shuffled);
    expect(b.disagreements).toEqual(a.disagreements);
    expect([...b.byQuestion]).toEqual([...a.byQuestion]);
    const numeric = agreementTable([pair('2.10', '2.10.1', 'c', 'yes', 'no'), pair('2.9', '2.9.1', 'c', 'yes', 'no')]);
    expect([...numeric.byStandard.keys()]).toEqual(['2.9', '2.10']);
  });

  it('is empty for no pairs, and refuses the same question on the same case twice', () => {
    const empty = agreementTable([]);
    expect(empty.byQuestion.size).toBe(0);
    expect(empty.byStandard.size).toBe(0);
    expect(empty.disagreements).toEqual([]);
    expect(() => agreementTable([pair('2.1', '2.1.1', 'c', 'yes', 'yes'), pair('2.1', '2.1.1', 'c', 'no', 'no')])).toThrow(
      'Question 2.1.1 on case c is compared twice',
    );
  });

  it('does not change the caller’s array', () => {
    const copy = [...pairs];
    agreementTable(pairs);
    expect(pairs).toEqual(copy);
  });
});
