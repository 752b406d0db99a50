import { describe, expect, it } from 'vitest';
import { applyReplacements, classifyCases, describeSample, eligibleCounts, planSizes, suggestReplacements, type ListedCase } from './plan';
import { defaultWindows } from './windows';
import { at } from '@/lib/must';

const listed = (reference: string, type: ListedCase['type'], disposalDate: string, extra: Partial<ListedCase> = {}): ListedCase => ({
  id: `id-${reference}`,
  line: 2,
  reference,
  type,
  disposal: type === 'out_of_court' ? 'youth_caution' : 'referral_order',
  disposalDate,
  gender: 'Male',
  rosh: 'low',
  safetyWellbeing: 'low',
  caseManager: null,
  ...extra,
});

// Fieldwork from 16 November 2026: court 16 February – 16 May 2026, out-of-court 16 June – 16 September 2026.
const windows = defaultWindows('2026-11-16', '2021');
const cases = [
  listed('C1', 'court', '2026-03-01'),
  listed('C2', 'court', '2026-03-02', { gender: 'Female' }),
  listed('C3', 'court', '2026-03-03'),
  listed('C4', 'court', '2026-01-01'),
  listed('O1', 'out_of_court', '2026-07-01'),
];

describe('classifyCases and planSizes', () => {
  it('counts the eligible cases of each population and sizes each sample', () => {
    const classified = classifyCases(cases, windows);
    expect(classified.filter((c) => !c.isEligible).map((c) => c.reference)).toEqual(['C4']);
    expect(eligibleCounts(classified)).toEqual({ court: 3, out_of_court: 1 });
    expect(planSizes('2021', classified, false, {}).map((s) => [s.type, s.eligible, s.size])).toEqual([
      ['court', 3, 3],
      ['out_of_court', 1, 1],
      ['resettlement', 0, 0],
    ]);
  });
});

describe('applyReplacements and describeSample', () => {
  const selection = { court: { sample: ['id-C1', 'id-C2'], reserves: ['id-C3'] }, out_of_court: { sample: ['id-O1'], reserves: [] } };
  const replacements = [{ removedCaseId: 'id-C1', replacementCaseId: 'id-C3', reason: 'Transferred out' }];

  it('puts the reserve in the removed case’s place and takes it off the reserves', () => {
    expect(applyReplacements(selection, replacements)).toEqual({
      court: { sample: ['id-C3', 'id-C2'], reserves: [] },
      out_of_court: { sample: ['id-O1'], reserves: [] },
    });
  });

  it('ignores a replacement that no longer fits the draw', () => {
    expect(applyReplacements(selection, [{ removedCaseId: 'id-O1', replacementCaseId: 'id-C3', reason: 'x' }]).court).toEqual(
      selection.court,
    );
  });

  it('describes each population: the sample, the replacements with reasons, the make-up', () => {
    const [court] = describeSample(classifyCases(cases, windows), selection, replacements);
    expect(court?.sample.map((c) => c.reference)).toEqual(['C2', 'C3']);
    expect(court?.replaced).toEqual([
      expect.objectContaining({ reason: 'Transferred out', removed: expect.objectContaining({ reference: 'C1' }) }),
    ]);
    expect(
      court?.comparison.find((c) => c.characteristic === 'gender')!.categories.map((c) => [c.category, c.populationCount, c.sampleCount]),
    ).toEqual([
      ['female', 1, 1],
      ['male', 2, 1],
    ]);
  });
});

describe('suggestReplacements', () => {
  it('offers the same stratum first, and says whether any reserve keeps the balance', () => {
    const other = { ...at(cases, 2), id: 'x', gender: 'female' };
    const eligible = classifyCases([at(cases, 0), at(cases, 1), other], windows);
    const { ranked, canKeepBalance } = suggestReplacements(at(cases, 1), {
      sample: [at(cases, 1)],
      reserves: [at(cases, 0), other],
      eligible,
    });
    const [first] = ranked;
    expect(first?.kase.id).toBe('x');
    expect(first?.similarity).toBe(4);
    expect(canKeepBalance).toBe(true);
  });
});
