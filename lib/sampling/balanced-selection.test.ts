import { describe, expect, it } from 'vitest';
import { compareWithPopulation, drawBalancedSample, rankReplacements, similarityOf, type SamplingCase } from './balanced-selection';
import { createRng, type Rng } from './prng';
import { computeSampleSize } from './sample-size';
import { at } from '@/lib/must';

const pick = <T>(rng: Rng, values: readonly T[], weights: readonly number[]): T => {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rng() * total;
  for (let i = 0; i < values.length; i++) if ((x -= at(weights, i)) < 0) return at(values, i);
  return at(values, values.length - 1);
};
const weightsFor = (rng: Rng, count: number) => Array.from({ length: count }, () => 0.05 + rng() * rng());

/**
 * A random service's case list: random shares per category (some rare), blanks, and the risk
 * classifications tied together as in real lists (a high risk of serious harm often comes with
 * a high safety and wellbeing level).
 */
function randomPopulation(rng: Rng, size: number): SamplingCase[] {
  const genders = ['Male', 'Female', 'Non-binary', ''].slice(0, 2 + Math.floor(rng() * 3));
  const disposals = ['referral_order', 'youth_rehabilitation_order', 'custodial_sentence', 'other_court'].slice(
    0,
    1 + Math.floor(rng() * 4),
  );
  const levels = ['low', 'medium', 'high', 'very_high', ''];
  const [gw, dw, rw, sw] = [
    weightsFor(rng, genders.length),
    weightsFor(rng, disposals.length),
    weightsFor(rng, levels.length),
    weightsFor(rng, levels.length),
  ];
  const correlation = rng();
  return Array.from({ length: size }, (_, i) => {
    const rosh = pick(rng, levels, rw);
    return {
      id: `id-${i}`,
      reference: `YJS-${String(i).padStart(4, '0')}`,
      gender: pick(rng, genders, gw) || null,
      disposal: pick(rng, disposals, dw),
      rosh: rosh || null,
      safetyWellbeing: (rng() < correlation ? rosh : pick(rng, levels, sw)) || null,
    };
  });
}

describe('drawBalancedSample: property tests over random populations', () => {
  const rng = createRng('property-tests');
  const trials = Array.from({ length: 150 }, (_, t) => {
    const N = 3 + Math.floor(rng() * 300);
    const n = t % 3 === 0 ? 1 + Math.floor(rng() * N) : computeSampleSize(N).size;
    return { t, N, n, seed: `seed-${t}` };
  });

  it.each(trials)('trial $t: N = $N, n = $n — every category within one case of its share, reproducible', ({ t, N, n, seed }) => {
    const population = randomPopulation(createRng(`population-${t}`), N);
    const draw = drawBalancedSample(population, n, seed);
    expect(draw.sampleIds).toHaveLength(n);
    expect(new Set([...draw.sampleIds, ...draw.reserveIds]).size).toBe(N);
    expect(draw.reserveIds).toHaveLength(N - n);

    const byId = new Map(population.map((c) => [c.id, c]));
    const sample = draw.sampleIds.map((id) => byId.get(id)!);
    for (const row of compareWithPopulation(population, sample)) {
      for (const category of row.categories) {
        // The bound: |count − share × n| < 1 for every category of every characteristic.
        expect(
          Math.abs(category.sampleCount - (category.populationCount * n) / N),
          `${row.characteristic} ${category.category}`,
        ).toBeLessThan(1);
      }
      expect(row.isWithinTolerance).toBe(true);
    }

    // Same population (in any order, with other ids) and seed: the same cases, the same reserves.
    const again = drawBalancedSample([...population].reverse(), n, seed);
    expect(again).toEqual(draw);
  });
});

describe('drawBalancedSample', () => {
  const population = randomPopulation(createRng('fixed'), 80);

  it('depends on the seed', () => {
    const a = drawBalancedSample(population, 20, 'a');
    const b = drawBalancedSample(population, 20, 'b');
    expect(a.sampleIds).not.toEqual(b.sampleIds);
  });

  it('takes everyone when the sample is as large as the population, and no one for 0', () => {
    expect(drawBalancedSample(population.slice(0, 5), 9, 's').sampleIds).toHaveLength(5);
    expect(drawBalancedSample(population, 0, 's')).toMatchObject({ sampleIds: [] });
    expect(drawBalancedSample([], 3, 's')).toEqual({ sampleIds: [], reserveIds: [] });
  });

  it('is random within the constraints: over many seeds every case is sometimes drawn', () => {
    const small = randomPopulation(createRng('small'), 30);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) for (const id of drawBalancedSample(small, 10, `s${i}`).sampleIds) seen.add(id);
    expect(seen.size).toBe(30);
  });

  it('keeps the first reserves balanced too: sample + top reserves stay within one case of the shares', () => {
    const draw = drawBalancedSample(population, 20, 'reserves');
    const byId = new Map(population.map((c) => [c.id, c]));
    const grown = [...draw.sampleIds, ...draw.reserveIds.slice(0, 5)].map((id) => byId.get(id)!);
    for (const row of compareWithPopulation(population, grown)) expect(row.largestDeviation).toBeLessThan(1.5);
  });
});

describe('compareWithPopulation', () => {
  it('puts counts, shares and the largest deviation side by side', () => {
    const cases: SamplingCase[] = [
      { id: '1', reference: 'A', gender: 'Male', disposal: 'referral_order', rosh: 'low', safetyWellbeing: null },
      { id: '2', reference: 'B', gender: 'male', disposal: 'referral_order', rosh: 'low', safetyWellbeing: null },
      { id: '3', reference: 'C', gender: 'Female', disposal: 'youth_rehabilitation_order', rosh: 'high', safetyWellbeing: 'high' },
      { id: '4', reference: 'D', gender: 'Male', disposal: 'referral_order', rosh: 'medium', safetyWellbeing: 'low' },
    ];
    const [gender] = compareWithPopulation(cases, [at(cases, 0), at(cases, 2)]);
    expect(gender?.categories).toEqual([
      { category: 'female', populationCount: 1, populationShare: 0.25, sampleCount: 1, expected: 0.5, deviation: 0.5 },
      { category: 'male', populationCount: 3, populationShare: 0.75, sampleCount: 1, expected: 1.5, deviation: -0.5 },
    ]);
    expect(gender?.largestDeviation).toBe(0.5);
  });
});

describe('rankReplacements', () => {
  it('offers the same stratum first, then the most similar, each by reserve rank', () => {
    const removed: SamplingCase = {
      id: 'x',
      reference: 'X',
      gender: 'Male',
      disposal: 'referral_order',
      rosh: 'low',
      safetyWellbeing: 'low',
    };
    const reserves: SamplingCase[] = [
      { id: 'r1', reference: 'R1', gender: 'Female', disposal: 'referral_order', rosh: 'low', safetyWellbeing: 'low' },
      { id: 'r2', reference: 'R2', gender: 'Female', disposal: 'custodial_sentence', rosh: 'high', safetyWellbeing: 'low' },
      { id: 'r3', reference: 'R3', gender: 'male', disposal: 'referral_order', rosh: 'low', safetyWellbeing: 'low' },
    ];
    expect(similarityOf(removed, at(reserves, 2))).toBe(4);
    expect(rankReplacements(removed, reserves).map((r) => [r.kase.id, r.similarity, r.rank])).toEqual([
      ['r3', 4, 3],
      ['r1', 3, 1],
      ['r2', 1, 2],
    ]);
  });
});
