/** Messages shown on the sign-in form (shared by the server check and the client form). */
export const SIGN_IN_MESSAGES = {
  invalid: 'Enter a correct email address and password',
  throttled: 'Too many failed sign-in attempts. Wait a few minutes, then try again.',
  oidcNoAccount:
    'There is no active Casemark account for the email address your organisation’s sign-in gave. Ask a Casemark admin to add you, or sign in with your email address and password.',
  oidcUnverified: 'Your organisation’s sign-in did not confirm your email address, so Casemark cannot match it to an account.',
  oidcFailed: 'Signing in with your organisation’s account did not work. Try again, or sign in with your email address and password.',
} as const;

/** The refusal of a throttled attempt, saying how long to wait (rounded up). */
export function throttledMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait =
    seconds < 60
      ? `${seconds} second${seconds === 1 ? '' : 's'}`
      : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}`;
  return `Too many failed sign-in attempts. Wait ${wait}, then try again.`;
}

/** The message for an error code next-auth puts on the sign-in page's URL (`?error=`). */
export function signInPageError(code: string | undefined): string | null {
  if (!code) return null;
  if (code === 'OidcNoAccount') return SIGN_IN_MESSAGES.oidcNoAccount;
  if (code === 'OidcUnverified') return SIGN_IN_MESSAGES.oidcUnverified;
  if (code === 'SessionRequired') return null;
  return SIGN_IN_MESSAGES.oidcFailed;
}
