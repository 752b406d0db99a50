import { describe, expect, it } from 'vitest';
import { clientAddress, isSignInThrottled } from './throttle';

describe('isSignInThrottled', () => {
  it('allows the 10th attempt and refuses the 11th', () => {
    expect(isSignInThrottled({ forAccount: 9, forAddress: 0 })).toBe(false);
    expect(isSignInThrottled({ forAccount: 10, forAddress: 0 })).toBe(true);
    expect(isSignInThrottled({ forAccount: 0, forAddress: 10 })).toBe(true);
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
