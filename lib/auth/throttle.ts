/**
 * Sign-in throttling: at most 10 failed attempts per account and per address in a rolling
 * 15-minute window; the 11th is refused before the password is even checked.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_MAX_FAILURES = 10;

export interface RecentFailures {
  forAccount: number;
  forAddress: number;
}

/** True when this attempt must be refused (10 failures already in the window). */
export function isSignInThrottled(failures: RecentFailures): boolean {
  return failures.forAccount >= THROTTLE_MAX_FAILURES || failures.forAddress >= THROTTLE_MAX_FAILURES;
}

/**
 * The client's address as the trusted proxies in front of the app saw it: each proxy appends
 * to X-Forwarded-For, so with N trusted proxies the client is the Nth entry from the right
 * (anything further left was written by the client and may be forged). With no trusted proxy
 * there is no trustworthy address (route handlers do not see the socket): null, and only the
 * per-account limit applies.
 */
export function clientAddress(
  headers: Record<string, string | string[] | undefined> | Headers | undefined,
  trustedProxies: number,
): string | null {
  if (!headers || trustedProxies < 1) return null;
  const raw = headers instanceof Headers ? headers.get('x-forwarded-for') : headers['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  const entries = (value ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  const address = entries[entries.length - trustedProxies];
  return address ? address.slice(0, 64) : null;
}
