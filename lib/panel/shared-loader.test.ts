import { describe, expect, it, vi } from 'vitest';
import { createSharedLoader } from './shared-loader';
import { at } from '@/lib/must';

/** A loader whose computations end when the test says, recording what each one saw. */
function harness() {
  let generation = 0;
  const runs: { sawGeneration: number; finish: () => void; fail: () => void }[] = [];
  const load = (key: string) =>
    new Promise<string>((resolve, reject) => {
      const sawGeneration = generation;
      runs.push({ sawGeneration, finish: () => resolve(`${key}@${sawGeneration}`), fail: () => reject(new Error('database away')) });
    });
  const shared = createSharedLoader(load, () => generation);
  return { shared, runs, change: () => (generation += 1) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createSharedLoader', () => {
  it('shares one computation among callers while nothing changed', async () => {
    const { shared, runs, change } = harness();
    change();
    const [a, b] = [shared('i1'), shared('i1')];
    expect(runs).toHaveLength(1);
    at(runs, 0).finish();
    expect(await a).toBe('i1@1');
    expect(await b).toBe('i1@1');
    expect(await shared('i1')).toBe('i1@1'); // still current: no new computation
    expect(runs).toHaveLength(1);
  });

  it('runs at most one computation per key, folding every change heard meanwhile into the next', async () => {
    const { shared, runs, change } = harness();
    change();
    const first = shared('i1');
    change();
    const second = shared('i1');
    change();
    const third = shared('i1');
    expect(runs).toHaveLength(1); // the next waits for the running one
    at(runs, 0).finish();
    expect(await first).toBe('i1@1');
    await tick();
    expect(runs).toHaveLength(2);
    at(runs, 1).finish();
    expect(await second).toBe('i1@3'); // includes both later changes
    expect(await third).toBe('i1@3');
  });

  it('keeps keys apart, always reads afresh when asked, and tries again after a failure', async () => {
    const { shared, runs, change } = harness();
    change();
    const a = shared('i1');
    const b = shared('i2');
    expect(runs).toHaveLength(2);
    at(runs, 0).fail();
    at(runs, 1).finish();
    await expect(a).rejects.toThrow('database away');
    expect(await b).toBe('i2@1');
    const again = shared('i1');
    expect(runs).toHaveLength(3);
    at(runs, 2).finish();
    expect(await again).toBe('i1@1');
    const fresh = shared('i2', { isFresh: true });
    expect(runs).toHaveLength(4);
    at(runs, 3).finish();
    expect(await fresh).toBe('i2@1');
  });
});

describe('createSharedLoader with a least interval', () => {
  it('starts the next computation no sooner than the interval after the last one started, with every change heard by then', async () => {
    vi.useFakeTimers();
    try {
      let generation = 0;
      const starts: number[] = [];
      const shared = createSharedLoader(
        async (key) => {
          starts.push(Date.now());
          return `${key}@${generation}`;
        },
        () => generation,
        { minIntervalMs: 150 },
      );
      const t0 = Date.now();
      generation += 1;
      expect(await shared('i1')).toBe('i1@1'); // the first change after a quiet spell: at once
      generation += 1;
      const second = shared('i1');
      generation += 1;
      const third = shared('i1'); // folded into the same next computation
      await vi.advanceTimersByTimeAsync(149);
      expect(starts).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(await second).toBe('i1@3');
      expect(await third).toBe('i1@3');
      expect(starts.map((t) => t - t0)).toEqual([0, 150]);
      // Quiet for longer than the interval: the next change is computed at once again.
      await vi.advanceTimersByTimeAsync(500);
      generation += 1;
      expect(await shared('i1')).toBe('i1@4');
      expect(starts.map((t) => t - t0)).toEqual([0, 150, 650]);
      // A stream's first message never waits.
      expect(await shared('i1', { isFresh: true })).toBe('i1@4');
      expect(starts).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }
  });
});
