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
  it('takes the first forwarded address', () => {
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' })).toBe('203.0.113.9');
    expect(clientAddress(new Headers({ 'x-real-ip': '198.51.100.2' }))).toBe('198.51.100.2');
    expect(clientAddress({})).toBe('local');
  });
});
