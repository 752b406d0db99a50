import { describe, expect, it } from 'vitest';
import { SIGN_IN_MESSAGES, signInPageError, throttledMessage } from './sign-in-messages';

describe('throttledMessage', () => {
  it('says how long to wait, rounded up', () => {
    expect(throttledMessage(1)).toBe('Too many failed sign-in attempts. Wait 1 second, then try again.');
    expect(throttledMessage(31_200)).toBe('Too many failed sign-in attempts. Wait 32 seconds, then try again.');
    expect(throttledMessage(60_000)).toBe('Too many failed sign-in attempts. Wait 1 minute, then try again.');
    expect(throttledMessage(15 * 60_000)).toBe('Too many failed sign-in attempts. Wait 15 minutes, then try again.');
  });
});

describe('signInPageError', () => {
  it('explains single sign-on refusals, and anything else from the provider generically', () => {
    expect(signInPageError(undefined)).toBeNull();
    expect(signInPageError('OidcNoAccount')).toBe(SIGN_IN_MESSAGES.oidcNoAccount);
    expect(signInPageError('OidcUnverified')).toBe(SIGN_IN_MESSAGES.oidcUnverified);
    expect(signInPageError('OAuthCallback')).toBe(SIGN_IN_MESSAGES.oidcFailed);
    expect(signInPageError('<script>')).toBe(SIGN_IN_MESSAGES.oidcFailed);
  });
});
