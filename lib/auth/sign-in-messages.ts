/** Messages shown on the sign-in form (shared by the server check and the client form). */
export const SIGN_IN_MESSAGES = {
  invalid: 'Enter a correct email address and password',
  throttled: 'Too many failed sign-in attempts. Wait 15 minutes, then try again.',
} as const;
