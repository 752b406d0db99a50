import { describe, expect, it } from 'vitest';
import { createRng, randomIndex, SEED_PATTERN, shuffled } from './prng';

describe('createRng', () => {
  it('gives the same numbers for the same seed, and different ones for another seed', () => {
    const a = createRng('k3x9m7');
    const b = createRng('k3x9m7');
    const c = createRng('k3x9m8');
    const seqA = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(seqA);
    expect(Array.from({ length: 20 }, c)).not.toEqual(seqA);
  });

  it('stays in [0, 1) and spreads evenly enough', () => {
    const rng = createRng('spread');
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const x = rng();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)]++;
    }
    for (const count of buckets) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it('is fixed forever: a recorded seed must redraw the same sample after any upgrade', () => {
    const rng = createRng('casemark');
    expect(Array.from({ length: 3 }, () => randomIndex(rng, 1000))).toEqual([725, 568, 547]);
  });
});

describe('shuffled', () => {
  it('is a permutation and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffled(input, createRng('x'));
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort((a, b) => a - b)).toEqual(input);
  });
});

describe('SEED_PATTERN', () => {
  it('accepts short words and refuses spaces, punctuation and long text', () => {
    expect(SEED_PATTERN.test('2026-fieldwork_1')).toBe(true);
    expect(SEED_PATTERN.test('a b')).toBe(false);
    expect(SEED_PATTERN.test('')).toBe(false);
    expect(SEED_PATTERN.test('x'.repeat(41))).toBe(false);
  });
});
