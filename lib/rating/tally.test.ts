import { describe, expect, it } from 'vitest';
import { getFramework } from '@/lib/framework';
import { computeInspectionFromDocument, inspectionInputFromDocument, judgementRating, tallyCases } from './tally';

const fw2018 = getFramework('2018');

describe('tallyCases', () => {
  it('counts answers per question and resettlement cases; unanswered is not counted', () => {
    const tally = tallyCases(getFramework('2021'), [
      { ref: 'C1', type: 'court', answers: { '2.1.1': 'yes', '2.1.2': 'na', '2.1.1.a': 'no' } },
      { ref: 'C2', type: 'court', answers: { '2.1.1': 'no', '2.1.2': null } },
      { ref: 'R1', type: 'resettlement', disposal: 'custodial_sentence', answers: { '4.1.r01': 'yes' } },
      { ref: 'R2', type: 'resettlement', answers: {} },
    ]);
    expect(tally.counts).toEqual({
      '2.1.1': { yes: 1, no: 1, na: 0 },
      '2.1.2': { yes: 0, no: 0, na: 1 },
      '2.1.1.a': { yes: 0, no: 1, na: 0 },
      '4.1.r01': { yes: 1, no: 0, na: 0 },
    });
    expect(tally.resettlementCases).toBe(2);
    expect(tally.ignored).toEqual([]);
  });

  it('does not count answers that cannot apply to the case', () => {
    const tally = tallyCases(fw2018, [
      { ref: 'O1', type: 'out_of_court', disposal: 'youth_caution', answers: { '3.4.2': 'yes', '3.4.1': 'yes' } },
      { ref: 'O2', type: 'out_of_court', disposal: 'youth_conditional_caution', answers: { '3.4.2': 'yes', '2.1.1': 'yes' } },
    ]);
    expect(tally.counts).toEqual({ '3.4.1': { yes: 1, no: 0, na: 0 }, '3.4.2': { yes: 1, no: 0, na: 0 } });
    expect(tally.ignored).toEqual([
      { ref: 'O1', questionId: '3.4.2' },
      { ref: 'O2', questionId: '2.1.1' },
    ]);
  });
});

describe('from an interchange document', () => {
  it('reads judgements given as ratings or objects', () => {
    expect(judgementRating('good')).toBe('good');
    expect(judgementRating({ rating: 'inadequate' })).toBe('inadequate');
    expect(judgementRating(null)).toBeNull();
    expect(judgementRating({})).toBeNull();
  });

  it('builds the engine input and computes the result', () => {
    const doc = {
      inspection: { framework: '2018' as const },
      cases: [
        { ref: 'C1', type: 'court' as const, answers: { '2.1.1': 'yes' as const } },
        { ref: 'O1', type: 'out_of_court' as const, disposal: 'youth_caution' as const, answers: { '3.4.2': 'yes' as const } },
      ],
      judgements: { '1.1': { rating: 'good' as const } },
      panel: [{ standard: '2.1', rating: 'good' as const, rationale: 'r' }],
    };
    const { input } = inspectionInputFromDocument(doc);
    expect(input).toEqual({
      counts: { '2.1.1': { yes: 1, no: 0, na: 0 } },
      judgements: { '1.1': 'good' },
      panel: [{ standard: '2.1', rating: 'good', rationale: 'r' }],
      resettlementCases: 0,
    });
    const result = computeInspectionFromDocument(doc);
    expect(result.standards['2.1']).toMatchObject({
      computedRating: 'outstanding',
      rating: 'good',
      keyQuestions: { '2.1.1': { yes: 1, relevant: 1, pct: 100 } },
    });
    expect(result.standards['1.1']?.rating).toBe('good');
    expect(result.warnings).toEqual(['Case O1: answer to 3.4.2 ignored (it cannot be answered on this case)']);
  });
});

describe('prompts of a key question judged not applicable', () => {
  // Blackpool 2021 (000_c1174f08f6b47fac.txt), Annexe 2: 2.3.3 a) 73% (8 of 11) where 2.3.3 is 7 of 10.
  it('still count where the prompt was answered: a prompt has its own sub-sample', () => {
    const tally = tallyCases(getFramework('2018'), [
      { ref: 'A', type: 'court', disposal: 'referral_order', answers: { '2.1.3': 'na', '2.1.3.a': 'yes' } },
      { ref: 'B', type: 'court', disposal: 'referral_order', answers: { '2.1.3': 'no', '2.1.3.a': 'no' } },
    ]);
    expect(tally.counts['2.1.3.a']).toEqual({ yes: 1, no: 1, na: 0 });
    expect(tally.counts['2.1.3']).toEqual({ yes: 0, no: 1, na: 1 });
  });
});
