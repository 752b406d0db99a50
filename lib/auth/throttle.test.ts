import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, MAX_DELAY_MS, clientAddress, delayAfterFailures, retryAfterMs } from './throttle';

describe('delayAfterFailures', () => {
  it('costs nothing for the first few failures, then doubles up to 15 minutes', () => {
    expect(delayAfterFailures(0)).toBe(0);
    expect(delayAfterFailures(FREE_FAILURES - 1)).toBe(0);
    expect(delayAfterFailures(FREE_FAILURES)).toBe(1000);
    expect(delayAfterFailures(FREE_FAILURES + 1)).toBe(2000);
    expect(delayAfterFailures(FREE_FAILURES + 4)).toBe(16_000);
    expect(delayAfterFailures(FREE_FAILURES + 20)).toBe(MAX_DELAY_MS);
    expect(delayAfterFailures(10_000)).toBe(MAX_DELAY_MS);
  });

  it('lets a scope with more free failures (an address) go further before delaying', () => {
    expect(delayAfterFailures(19, 20)).toBe(0);
    expect(delayAfterFailures(20, 20)).toBe(1000);
  });
});

describe('retryAfterMs', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  it('counts the delay from the latest failure', () => {
    const lastAt = new Date(now.getTime() - 500);
    expect(retryAfterMs({ count: FREE_FAILURES, lastAt }, now)).toBe(500);
    expect(retryAfterMs({ count: FREE_FAILURES + 1, lastAt }, now)).toBe(1500);
  });

  it('allows the attempt once the delay is over, or with no failures', () => {
    expect(retryAfterMs({ count: FREE_FAILURES, lastAt: new Date(now.getTime() - 1000) }, now)).toBe(0);
    expect(retryAfterMs({ count: 0, lastAt: null }, now)).toBe(0);
    expect(retryAfterMs({ count: FREE_FAILURES - 1, lastAt: now }, now)).toBe(0);
  });
});

describe('clientAddress', () => {
  it('takes the entry the trusted proxy appended, not what the client wrote', () => {
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.9' }, 1)).toBe('203.0.113.9');
    expect(clientAddress({ 'x-forwarded-for': 'forged, 203.0.113.9' }, 1)).toBe('203.0.113.9');
    expect(clientAddress(new Headers({ 'x-forwarded-for': 'forged, 198.51.100.2, 10.0.0.1' }), 2)).toBe('198.51.100.2');
  });

  it('has no address without a trusted proxy or a header', () => {
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.9' }, 0)).toBeNull();
    expect(clientAddress({}, 1)).toBeNull();
    expect(clientAddress(undefined, 1)).toBeNull();
  });
});
