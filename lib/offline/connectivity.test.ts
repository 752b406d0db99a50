import { describe, expect, it } from 'vitest';
import { isReachable, onReachabilityChange, reportReachable, reportUnreachable, retryDelay, SAVE_TIMEOUT_MS } from './connectivity';

describe('retryDelay', () => {
  it('backs off to 15 s and stays there', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
    expect(retryDelay(-1)).toBe(1000);
  });

  it('leaves a black-holed save time to be retried within the 45 s the field allows', () => {
    // Timed out, then at worst the longest wait, then sent: well inside 45 s.
    expect(SAVE_TIMEOUT_MS + retryDelay(99) + SAVE_TIMEOUT_MS).toBeLessThan(45_000);
  });
});

describe('reachability', () => {
  it('tells listeners only when it changes', () => {
    const seen: boolean[] = [];
    const stop = onReachabilityChange((r) => seen.push(r));
    reportReachable();
    reportUnreachable();
    reportUnreachable();
    expect(isReachable()).toBe(false);
    reportReachable();
    stop();
    reportUnreachable();
    expect(seen).toEqual([false, true]);
    reportReachable();
  });
});
