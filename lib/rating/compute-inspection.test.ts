import { describe, expect, it } from 'vitest';
import type { Rating } from '@/lib/framework/types';
import {
  computeInspection,
  describeStandardRating,
  isProfessionalJudgementKeyQuestion,
  panelDecisionRefusal,
  type InspectionInput,
} from './compute-inspection';
import type { QuestionCounts } from './key-question';
import { c, syntheticFramework } from './test-support/synthetic-framework';
import { must } from '@/lib/must';

const fw2018 = syntheticFramework('2018');
const fw2021 = syntheticFramework('2021');

/** Counts that put every key question of a standard in the given band. */
const BAND_COUNTS: Record<Rating, ReturnType<typeof c>> = {
  outstanding: c(9, 1), // 90%
  good: c(7, 3), // 70%
  requires_improvement: c(6, 4), // 60%
  inadequate: c(4, 6), // 40%
};

function countsFor(ratings: Record<string, Rating>, framework = fw2018): QuestionCounts {
  const counts: QuestionCounts = {};
  for (const domain of framework.domains) {
    for (const standard of domain.standards) {
      const rating = ratings[standard.id];
      if (!rating || standard.kind !== 'case_marked') continue;
      for (const kq of standard.keyQuestions) counts[kq.id] = BAND_COUNTS[rating];
    }
  }
  return counts;
}

describe('computeInspection (2018 shape)', () => {
  const input: InspectionInput = {
    counts: countsFor({
      '2.1': 'good',
      '2.2': 'requires_improvement',
      '2.3': 'good',
      '2.4': 'outstanding',
      '3.1': 'outstanding',
      '3.2': 'good',
      '3.3': 'good',
      '3.4': 'outstanding',
    }),
    judgements: { '1.1': 'good', '1.2': 'good', '1.3': 'requires_improvement', '1.4': 'good' },
  };

  it('rates every standard and the overall (Blackpool 2021 pattern: 25 → Good)', () => {
    const result = computeInspection(fw2018, input);
    expect(result.framework).toBe('2018');
    expect(Object.keys(result.standards)).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4']);
    expect(result.standards['2.2']).toMatchObject({
      rating: 'requires_improvement',
      computedRating: 'requires_improvement',
      score: 1,
      professionalJudgement: false,
      lowestKeyQuestion: '2.2.1',
    });
    expect(result.standards['1.3']).toMatchObject({
      kind: 'qualitative',
      rating: 'requires_improvement',
      computedRating: null,
      score: 1,
      flags: [],
    });
    expect(result.overall).toMatchObject({ score: 25, rating: 'good', missing: [] });
    expect(result.warnings).toEqual([]);
  });

  it('marks 3.4 on cases in 2018 and uses 3.4.2 (youth conditional cautions) like any key question', () => {
    const result = computeInspection(fw2018, { ...input, counts: { ...input.counts, '3.4.1': c(9, 5), '3.4.2': c(3, 0) } });
    expect(result.standards['3.4']).toMatchObject({
      kind: 'case_marked',
      computedRating: 'requires_improvement',
      lowestKeyQuestion: '3.4.1',
    });
    expect(result.standards['3.4']?.keyQuestions['3.4.2']).toMatchObject({ yes: 3, relevant: 3, pct: 100, band: 'outstanding' });
  });

  it('ignores a judgement on a case-marked standard, with a warning', () => {
    const result = computeInspection(fw2018, { ...input, judgements: { ...input.judgements, '3.4': 'inadequate' } });
    expect(result.standards['3.4']?.rating).toBe('outstanding');
    expect(result.warnings).toEqual(['Judgement for 3.4 ignored: it is case-marked, so its rating is computed from the cases']);
  });

  it('has no standard 4.1 and no resettlement aspects', () => {
    const result = computeInspection(fw2018, input);
    expect(result.standards['4.1']).toBeUndefined();
    expect(result.resettlementAspects).toEqual({});
  });
});

describe('missing data', () => {
  it('makes the overall null and lists what is missing', () => {
    const counts = countsFor({ '2.1': 'good', '2.2': 'good', '2.3': 'good', '3.1': 'good', '3.2': 'good', '3.3': 'good', '3.4': 'good' });
    counts['2.4.1'] = c(0, 0, 13); // every case not applicable: no relevant case
    const result = computeInspection(fw2018, { counts, judgements: { '1.1': 'good', '1.3': 'good', '1.4': null } });
    expect(result.standards['1.2']).toMatchObject({ rating: null, score: null, reason: '1.2 has no judgement' });
    expect(result.standards['2.4']).toMatchObject({ rating: null, computedRating: null, score: null, lowestKeyQuestion: null, flags: [] });
    expect(result.standards['2.4']?.reason).toMatch(/cannot be rated yet/);
    expect(result.overall).toMatchObject({
      score: null,
      rating: null,
      missing: ['1.2 has no judgement', '1.4 has no judgement', '2.4 has no marked cases'],
    });
  });

  it('treats an empty inspection as nothing rated, not as Inadequate', () => {
    const result = computeInspection(fw2021, { counts: {} });
    expect(Object.values(result.standards).every((s) => s.rating === null)).toBe(true);
    expect(result.overall.score).toBeNull();
    expect(result.overall.missing).toHaveLength(12);
    expect(result.standards['4.1']).toMatchObject({ isRated: false, reason: 'Not rated: there are no resettlement cases' });
  });
});

describe('panel decisions (professional judgement)', () => {
  const counts = {
    ...countsFor(
      {
        '2.2': 'requires_improvement',
        '2.3': 'requires_improvement',
        '2.4': 'requires_improvement',
        '3.1': 'inadequate',
        '3.2': 'inadequate',
        '3.3': 'inadequate',
      },
      fw2021,
    ),
    '2.1.1': c(10, 3),
    '2.1.2': c(7, 6),
    '2.1.3': c(6, 7),
  };
  const judgements = {
    '1.1': 'requires_improvement',
    '1.2': 'good',
    '1.3': 'good',
    '1.4': 'good',
    '3.4': 'inadequate',
    '4.1': 'requires_improvement',
  } as const;

  it('replaces the computed rating and reports professionalJudgement beside computedRating', () => {
    const result = computeInspection(fw2021, {
      counts,
      judgements,
      panel: [{ standard: '2.1', rating: 'requires_improvement', rationale: 'Not representative of the work being done.' }],
      resettlementCases: 4,
    });
    const s = must(result.standards['2.1'], '2.1');
    expect(s).toMatchObject({
      rating: 'requires_improvement',
      computedRating: 'inadequate',
      score: 1,
      professionalJudgement: true,
      panel: { rating: 'requires_improvement', rationale: 'Not representative of the work being done.' },
      lowestKeyQuestion: '2.1.3',
    });
    // The flags still describe the computed rating.
    expect(s.flags.map((f) => f.code)).toEqual(['near_boundary', 'one_case_flips']);
    expect(describeStandardRating(s)).toBe('Requires improvement (professional judgement; computed Inadequate)');
    // Leicestershire 2021 pattern: 1+2+2+2 + 1+1+1+1 + 0+0+0+0 = 11.
    expect(result.overall).toMatchObject({ score: 11, rating: 'requires_improvement' });
  });

  it('keeps a panel decision that agrees with the computed rating without calling it professional judgement', () => {
    const result = computeInspection(fw2021, {
      counts,
      judgements,
      panel: [{ standard: '2.2', rating: 'requires_improvement', rationale: 'Confirmed.' }],
      resettlementCases: 4,
    });
    expect(result.standards['2.2']).toMatchObject({
      rating: 'requires_improvement',
      professionalJudgement: false,
      panel: { rating: 'requires_improvement' },
    });
  });

  // Discretion departs from a computed rating near a boundary (Blackpool 2021 and Wigan 2021,
  // Annexe 1; Leicestershire 2021, 2. Court disposals): with no relevant case there is none.
  it('ignores, with a warning, a panel decision on a standard with no relevant cases', () => {
    const result = computeInspection(fw2018, { counts: {}, panel: [{ standard: '2.4', rating: 'good', rationale: 'r' }] });
    expect(result.standards['2.4']).toMatchObject({
      rating: null,
      computedRating: null,
      professionalJudgement: false,
      panel: null,
      score: null,
    });
    expect(result.standards['2.4']?.reason).toMatch(/^2\.4 cannot be rated yet/);
    expect(result.warnings).toEqual([
      'Panel decision for 2.4 ignored: 2.4 has no computed rating yet (none of its key questions has a relevant case), so there is no rating for the panel to depart from: professional judgement applies only to a computed rating',
    ]);
    expect(panelDecisionRefusal('2.4', null)).toMatch(/no rating for the panel to depart from/);
    expect(panelDecisionRefusal('2.4', 'inadequate')).toBeNull();
  });

  // Dudley 2019, Annex 2: "3.4.1 … 64%*" and "3.4.2 … 100%" under "3.4. Joint working Good*".
  it('puts the professional-judgement asterisk only on the lowest key question of a changed standard', () => {
    const result = computeInspection('2018', {
      counts: { '3.4.1': c(9, 5), '3.4.2': c(3, 0) },
      panel: [{ standard: '3.4', rating: 'good', rationale: 'r' }],
    });
    const s34 = must(result.standards['3.4'], '3.4');
    expect(s34).toMatchObject({
      rating: 'good',
      computedRating: 'requires_improvement',
      lowestKeyQuestion: '3.4.1',
      professionalJudgement: true,
    });
    expect(isProfessionalJudgementKeyQuestion(s34, '3.4.1')).toBe(true);
    expect(isProfessionalJudgementKeyQuestion(s34, '3.4.2')).toBe(false);
    const agreeing = computeInspection('2018', {
      counts: { '3.4.1': c(9, 5) },
      panel: [{ standard: '3.4', rating: 'requires_improvement', rationale: 'r' }],
    });
    expect(isProfessionalJudgementKeyQuestion(must(agreeing.standards['3.4'], '3.4'), '3.4.1')).toBe(false);
  });

  it('ignores panel decisions on qualitative or unknown standards, with warnings', () => {
    const result = computeInspection(fw2021, {
      counts,
      judgements,
      resettlementCases: 4,
      panel: [
        { standard: '3.4', rating: 'good', rationale: 'r' },
        { standard: '9.9', rating: 'good', rationale: 'r' },
      ],
    });
    expect(result.standards['3.4']).toMatchObject({ rating: 'inadequate', professionalJudgement: false, panel: null });
    expect(result.warnings).toEqual([
      "Panel decision for 3.4 ignored: it is not a case-marked standard (it takes the lead inspector's judgement)",
      'Panel decision for unknown standard 9.9 ignored',
    ]);
  });
});

describe('2021 shape: 3.4 qualitative, 4.1 rated separately', () => {
  const caseMarked = {
    '2.1': 'outstanding',
    '2.2': 'outstanding',
    '2.3': 'outstanding',
    '2.4': 'outstanding',
    '3.1': 'outstanding',
    '3.2': 'outstanding',
    '3.3': 'outstanding',
  } as const;
  const judgements = { '1.1': 'good', '1.2': 'good', '1.3': 'good', '1.4': 'good', '3.4': 'good' } as const; // 7×3 + 5×2 = 31

  it('takes 3.4 from the judgement and ignores counts for 3.4 questions', () => {
    const result = computeInspection(fw2021, {
      counts: { ...countsFor(caseMarked, fw2021), '3.4.1': c(1, 1) },
      judgements,
      resettlementCases: 0,
    });
    expect(result.standards['3.4']).toMatchObject({ kind: 'qualitative', rating: 'good', keyQuestions: {} });
    expect(result.warnings).toEqual(['Counts for 3.4.1 ignored: it is not a case-marking question of the 2021 framework']);
  });

  it('caps the overall at Good when 4.1 is Inadequate (31 points)', () => {
    const result = computeInspection(fw2021, {
      counts: countsFor(caseMarked, fw2021),
      judgements: { ...judgements, '4.1': 'inadequate' },
      resettlementCases: 2,
    });
    expect(result.standards['4.1']).toMatchObject({
      rating: 'inadequate',
      score: null,
      isRatedSeparately: true,
      isRated: true,
      resettlementCases: 2,
    });
    expect(result.overall).toMatchObject({ score: 31, rating: 'good', uncappedRating: 'outstanding', isCapped: true });
  });

  it('does not rate 4.1 and applies no cap when there are no resettlement cases', () => {
    const result = computeInspection(fw2021, {
      counts: countsFor(caseMarked, fw2021),
      judgements: { ...judgements, '4.1': 'inadequate' },
      resettlementCases: 0,
    });
    expect(result.standards['4.1']).toMatchObject({ rating: null, isRated: false, reason: 'Not rated: there are no resettlement cases' });
    expect(result.overall).toMatchObject({ score: 31, rating: 'outstanding', isCapped: false });
    expect(result.warnings).toEqual(['4.1 has a judgement but no resettlement cases, so it is not rated']);
  });

  it('shows the score without the 4.1 judgement, holding back only an Outstanding rating (Leicestershire 2021, Annexe 2)', () => {
    const result = computeInspection(fw2021, { counts: countsFor(caseMarked, fw2021), judgements, resettlementCases: 3 });
    expect(result.standards['4.1']).toMatchObject({ rating: null, isRated: true, reason: '4.1 has no judgement' });
    expect(result.overall).toMatchObject({
      score: 31,
      rating: null,
      uncappedRating: 'outstanding',
      missing: ['4.1 has no judgement: with a score of 31 the overall rating is Outstanding unless 4.1 is rated Inadequate'],
    });
  });

  it('gives the overall rating below 31 without the 4.1 judgement: 4.1 cannot change it ("does not influence the overall YOT rating")', () => {
    const result = computeInspection(fw2021, {
      counts: countsFor(caseMarked, fw2021),
      judgements: { ...judgements, '1.1': 'requires_improvement' },
      resettlementCases: 3,
    });
    expect(result.standards['4.1']).toMatchObject({ rating: null, reason: '4.1 has no judgement' });
    expect(result.overall).toMatchObject({ score: 30, rating: 'good', missing: [] });
  });

  it('infers whether 4.1 is rated from its judgement when the number of resettlement cases is not given', () => {
    expect(computeInspection(fw2021, { counts: {}, judgements: { '4.1': 'good' } }).standards['4.1']).toMatchObject({
      isRated: true,
      rating: 'good',
    });
    expect(computeInspection(fw2021, { counts: {} }).standards['4.1']).toMatchObject({ isRated: false, rating: null });
  });

  it('gives resettlement aspects illustrative percentages, never scored', () => {
    const result = computeInspection(fw2021, {
      counts: { '4.1.r01': c(3, 1), '4.1.r02': c(0, 0, 4) },
      resettlementCases: 4,
      judgements: { '4.1': 'good' },
    });
    expect(result.resettlementAspects).toEqual({
      '4.1.r01': { shortLabel: 'Accommodation', yes: 3, no: 1, na: 0, relevant: 4, pct: 75, fraction: { numerator: 3, denominator: 4 } },
      '4.1.r02': { shortLabel: 'ETE', yes: 0, no: 0, na: 4, relevant: 0, pct: null, fraction: null },
    });
    expect(result.standards['4.1']?.score).toBeNull();
  });
});

describe('with the real frameworks', () => {
  it('accepts a version and rates 2021 standards from the framework data', () => {
    const result = computeInspection('2021', { counts: { '2.1.1': c(10, 3), '2.1.2': c(7, 6), '2.1.3': c(6, 7) } });
    expect(result.standards['2.1']).toMatchObject({ computedRating: 'inadequate', lowestKeyQuestion: '2.1.3' });
    expect(result.standards['3.4']?.kind).toBe('qualitative');
    expect(result.standards['4.1']?.isRatedSeparately).toBe(true);
    expect(Object.keys(result.resettlementAspects).length).toBeGreaterThan(0);
  });

  it('differs between 2018 and 2021 on 3.4 and 4.1', () => {
    const r2018 = computeInspection('2018', { counts: { '3.4.1': c(9, 5), '3.4.2': c(3, 0) } });
    expect(r2018.standards['3.4']).toMatchObject({ kind: 'case_marked', computedRating: 'requires_improvement' });
    expect(r2018.standards['4.1']).toBeUndefined();
    const r2021 = computeInspection('2021', { counts: { '3.4.1': c(9, 5) } });
    expect(r2021.standards['3.4']).toMatchObject({ kind: 'qualitative', computedRating: null });
    expect(r2021.warnings).toEqual(['Counts for 3.4.1 ignored: it is not a case-marking question of the 2021 framework']);
  });
});
