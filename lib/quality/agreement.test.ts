import { describe, expect, it } from 'vitest';
import {
  agreementStats,
  applicabilityAndJudgement,
  STRENGTH_WORDS,
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
    expect(stats).toMatchObject({
      n: 50,
      agreed: 35,
      percentAgreement: 70,
      kappa: 0.4,
      expectedAgreement: 0.5,
      isSmallSample: false,
      warning: null,
      explanation: null,
      strength: 'fair',
    });
    expect(stats.crossTable.cells).toEqual({
      yes: { yes: 20, no: 5, na: 0 },
      no: { yes: 10, no: 15, na: 0 },
      na: { yes: 0, no: 0, na: 0 },
    });
    expect(stats.crossTable.firstCounts).toEqual({ yes: 25, no: 25, na: 0 });
    expect(stats.crossTable.secondCounts).toEqual({ yes: 30, no: 20, na: 0 });
  });

  it('the same example on its own two categories: SE 0.1270, 95% CI 0.151 to 0.649, PABAK 0.40, AC1 0.406', () => {
    // Fleiss, Cohen & Everitt (1969), with pij the cell proportions (0.4, 0.1 / 0.2, 0.3), rows (0.5, 0.5), columns (0.6, 0.4):
    //   diagonal    0.4·(1 − 1.1·0.6)² + 0.3·(1 − 0.9·0.6)²            = 0.04624 + 0.06348 = 0.10972
    //   off-diag.   0.6²·[0.1·(0.6 + 0.5)² + 0.2·(0.4 + 0.5)²]          = 0.36 · 0.283      = 0.10188
    //   correction  (0.4 − 0.5·0.6)²                                   = 0.01
    //   Var = (0.10972 + 0.10188 − 0.01) / (50 · 0.5²) = 0.016128, SE = 0.126996; κ ± 1.96·SE = 0.1511 to 0.6489.
    // Byrt et al. (1993): PABAK = 2·0.7 − 1 = 0.4.
    // Gwet (2008): π = (0.55, 0.45), pe = 2·0.55·0.45 = 0.495, AC1 = (0.7 − 0.495)/0.505 = 0.40594.
    const stats = agreementStats([...cell('yes', 'yes', 20), ...cell('yes', 'no', 5), ...cell('no', 'yes', 10), ...cell('no', 'no', 15)], {
      categories: ['yes', 'no'],
    });
    expect(stats.kappa).toBe(0.4);
    expect(stats.standardError).toBeCloseTo(Math.sqrt(0.016128), 12);
    expect(stats.confidenceInterval?.lower).toBeCloseTo(0.15109, 5);
    expect(stats.confidenceInterval?.upper).toBeCloseTo(0.64891, 5);
    expect(stats.pabak).toBeCloseTo(0.4, 12);
    expect(stats.ac1).toBeCloseTo(0.205 / 0.505, 12);
    expect(stats.crossTable.categories).toEqual(['yes', 'no']);
  });

  it('Fleiss, Levin & Paik (2003, ch. 18) diagnoses example: κ 0.676, SE 0.0877', () => {
    // Proportions ×100: 75 1 4 / 5 4 1 / 0 0 10; po 0.89, pe 0.66, κ = 0.23/0.34 = 0.6765 (published);
    // SE and the rest recomputed independently from the formula above: SE 0.08770, AC1 0.8676, PABAK (k = 3) 0.835.
    const stats = agreementStats([
      ...cell('yes', 'yes', 75),
      ...cell('yes', 'no', 1),
      ...cell('yes', 'na', 4),
      ...cell('no', 'yes', 5),
      ...cell('no', 'no', 4),
      ...cell('no', 'na', 1),
      ...cell('na', 'na', 10),
    ]);
    expect(stats.kappa).toBeCloseTo(0.23 / 0.34, 12);
    expect(stats.standardError).toBeCloseTo(0.0877, 4);
    expect(stats.ac1).toBeCloseTo(0.86757, 5);
    expect(stats.pabak).toBeCloseTo(0.835, 12);
    expect(stats.strength).toBe('substantial');
  });

  it('kappa 0 at 75% agreement is explained in words, beside figures that do not depend on prevalence', () => {
    // 3 yes/yes, 1 yes/no: po 0.75; first always Yes, so pe = 1·0.75 = 0.75 and κ = 0.
    // Yes is 7 of the 8 answers (88%). AC1: π = (0.875, 0.125), pe = 2·0.875·0.125 = 0.21875, AC1 = 0.53125/0.78125 = 0.68.
    const stats = agreementStats([...cell('yes', 'yes', 3), ...cell('yes', 'no', 1)], { categories: ['yes', 'no'] });
    expect(stats).toMatchObject({ kappa: 0, percentAgreement: 75, expectedAgreement: 0.75, strength: 'slight', pabak: 0.5 });
    expect(stats.ac1).toBeCloseTo(0.68, 12);
    expect(stats.explanation).toBe(
      "Kappa is 0.00 although the inspectors gave the same answer 75% of the time: Yes was 88% of all their answers, so two inspectors answering at those rates would agree 75% of the time by chance alone, and kappa counts only agreement beyond that. Gwet's AC1 (0.68) and PABAK (0.50) do not depend on how common each answer is.",
    );
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
    // Recomputed independently (Fleiss, Cohen & Everitt 1969): SE 0.128539; PABAK (3·22/30 − 1)/2 = 0.6;
    // AC1: π = (13/30, 11.5/30, 5.5/30), pe = Σπ(1 − π)/2 = 0.31537, AC1 = 0.610231.
    expect(stats.standardError).toBeCloseTo(0.128539, 6);
    expect(stats.pabak).toBeCloseTo(0.6, 12);
    expect(stats.ac1).toBeCloseTo(0.610231, 6);
    expect(stats.kappa).toBeCloseTo(0.5782, 4);
    expect(stats.strength).toBe('moderate');
    expect(stats.warning).toBeNull();
  });

  it('perfect agreement on varied answers: κ = 1', () => {
    // 6 yes/yes, 4 no/no: pe = 0.6² + 0.4² = 0.52, κ = (1 − 0.52) / (1 − 0.52) = 1.
    const stats = agreementStats([...cell('yes', 'yes', 6), ...cell('no', 'no', 4)]);
    expect(stats).toMatchObject({ n: 10, agreed: 10, percentAgreement: 100, kappa: 1, strength: 'almost perfect', warning: null });
    expect(stats.standardError).toBe(0);
    expect(stats.confidenceInterval).toEqual({ lower: 1, upper: 1 });
    expect(stats.expectedAgreement).toBeCloseTo(0.52, 12);
  });

  it('every answer the same from both markers: agreement 100% but kappa undefined, said plainly', () => {
    // pe = 1 · 1 = 1, so κ = 0/0.
    const stats = agreementStats(cell('yes', 'yes', 12));
    expect(stats).toMatchObject({ n: 12, agreed: 12, percentAgreement: 100, kappa: null, expectedAgreement: 1, strength: null });
    expect(stats).toMatchObject({ standardError: null, confidenceInterval: null, explanation: null });
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
    expect(stats.confidenceInterval?.lower).toBe(-1);
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
    expect(agreementStats([])).toMatchObject({
      n: 0,
      agreed: 0,
      percentAgreement: null,
      kappa: null,
      expectedAgreement: null,
      standardError: null,
      confidenceInterval: null,
      pabak: null,
      ac1: null,
      isSmallSample: true,
      warning: 'No double-marked cases yet: there is nothing to compare.',
      explanation: null,
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

describe('applicabilityAndJudgement', () => {
  it('reports whether the question applies apart from the judgement where both say it does', () => {
    // 5 yes/yes, 2 no/no, 1 yes/no, 2 na/na, 1 yes/na, 1 na/no.
    // Applicability (applies/na): applies/applies 8, applies/na 1, na/applies 1, na/na 2 → 10 of 12.
    // Judgement, on the 8 pairs where both apply: 7 of 8; r = (6 yes, 2 no), c = (5, 3); Σ r·c = 36; κ = (8·7 − 36)/(64 − 36) = 20/28.
    const pairs = [
      ...cell('yes', 'yes', 5),
      ...cell('no', 'no', 2),
      ...cell('yes', 'no', 1),
      ...cell('na', 'na', 2),
      ...cell('yes', 'na', 1),
      ...cell('na', 'no', 1),
    ];
    const { applicability, judgement } = applicabilityAndJudgement(pairs);
    expect(applicability).toMatchObject({ n: 12, agreed: 10 });
    expect(applicability.crossTable.cells.yes).toEqual({ yes: 8, no: 0, na: 1 });
    // r = (9 applies, 3 na), c = (9, 3): Σ r·c = 90, κ = (12·10 − 90)/(144 − 90) = 30/54.
    expect(applicability.kappa).toBeCloseTo(30 / 54, 12);
    expect(judgement).toMatchObject({ n: 8, agreed: 7 });
    expect(judgement.kappa).toBeCloseTo(20 / 28, 12);
    expect(judgement.crossTable.categories).toEqual(['yes', 'no']);
  });

  it('says plainly when both always agree that it applies', () => {
    const { applicability } = applicabilityAndJudgement([...cell('yes', 'no', 3), ...cell('no', 'no', 9)]);
    expect(applicability.warning).toContain('Both inspectors answered that it applies every time');
  });
});

describe('kappaStrength (Landis & Koch 1977)', () => {
  it('lists poor among the words', () => {
    expect(STRENGTH_WORDS).toEqual(['poor', 'slight', 'fair', 'moderate', 'substantial', 'almost perfect']);
  });

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
    expect(table.byQuestion.get('2.1.1')?.all).toMatchObject({ n: 3, agreed: 1, kappa: -0.5, strength: 'poor', isSmallSample: true });
    expect(table.byQuestion.get('1.1.1')?.all).toMatchObject({ n: 1, agreed: 1, kappa: null });

    // 2.1 pools 2.1.1 and 2.1.2: six pairs from three cases.
    // Pairs: yes/yes, no/yes, yes/no, no/yes, yes/yes, no/no → agreed 3; r = (3 yes, 3 no), c = (4 yes, 2 no);
    // Σ r·c = 12 + 6 = 18; κ = (6·3 − 18) / (36 − 18) = 0.
    const standard = table.byStandard.get('2.1')?.all;
    expect(standard).toMatchObject({ n: 6, agreed: 3, percentAgreement: 50, kappa: 0, expectedAgreement: 0.5, strength: 'slight' });
    expect(standard?.warning).toBe('Only 3 double-marked cases: too few for the agreement figures to mean much.');
  });

  it('gives one figure over the whole inspection, counting its cases', () => {
    // Nine pairs over three cases; the four disagreements listed below, so 5 agreed.
    const overall = agreementTable(pairs).overall.all;
    expect(overall).toMatchObject({ n: 9, agreed: 5 });
    expect(overall.warning).toBe('Only 3 double-marked cases: too few for the agreement figures to mean much.');
    expect(overall.crossTable.firstCounts).toEqual({ yes: 4, no: 4, na: 1 });
    expect(overall.crossTable.secondCounts).toEqual({ yes: 4, no: 4, na: 1 });
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
