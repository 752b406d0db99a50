import { describe, expect, it } from 'vitest';
import {
  completeNotice,
  isReachable,
  onReachabilityChange,
  reportReachable,
  reportUnreachable,
  retryDelay,
  SAVE_TIMEOUT_MS,
} from './connectivity';

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

describe('completeNotice', () => {
  it('says completing needs a connection whenever changes are kept on the device, sent or failing', () => {
    // Online as far as the page knows (no send has failed yet), but a change waits: still the notice.
    expect(completeNotice({ isOnline: true, kept: 1 })).toMatch(
      /^1 change kept on this device has not reached Casemark yet\. .*needs a connection/,
    );
    expect(completeNotice({ isOnline: true, kept: 3 })).toMatch(
      /^3 changes kept on this device have not reached Casemark yet\. .*send them first/,
    );
    expect(completeNotice({ isOnline: false, kept: 2 })).toBe(
      'You are offline. Marking a case as complete needs a connection to Casemark; 2 changes are kept on this device until then.',
    );
    expect(completeNotice({ isOnline: false, kept: 0 })).toMatch(/^You are offline\. .*needs a connection/);
  });

  it('says nothing when the server is reachable and nothing waits', () => {
    expect(completeNotice({ isOnline: true, kept: 0 })).toBeNull();
  });
});
