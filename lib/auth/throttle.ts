/**
 * Sign-in throttling without a lock-out weapon (OWASP's "Blocking Brute Force Attacks":
 * device cookies, growing delays, per-client limits).
 *
 * - Failures are counted per scope in a rolling 15-minute window: per device (a browser that
 *   carries a device cookie for this account, given at its last successful sign-in), else per
 *   account for every browser without one, and per client address when it is known.
 * - The first few failures in a scope cost nothing; after that each further attempt in the
 *   scope must wait a delay that doubles with each failure (1 s, 2 s, 4 s … at most 15 minutes).
 *   An attempt made too early is refused before the password is checked and is not counted, so
 *   refusals cannot be used to stretch the delay.
 * - Failures from browsers without the account's device cookie never delay a browser that has
 *   it: nobody can keep the user out of their own browser by guessing wrong passwords.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed without any delay, per account or per device. */
export const FREE_FAILURES = 5;
/** Failures allowed without any delay per client address (an office shares one address). */
export const FREE_FAILURES_PER_ADDRESS = 20;
const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;

export interface ScopeFailures {
  /** Failed attempts in the window. */
  count: number;
  /** When the latest of them was made (null when none). */
  lastAt: Date | null;
}

/** The wait imposed after `failures` recent failures, `free` of which cost nothing. */
export function delayAfterFailures(failures: number, free: number = FREE_FAILURES): number {
  if (failures < free) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** Math.min(failures - free, 30), MAX_DELAY_MS);
}

/** How long (ms) this attempt must still wait in one scope; 0 when it may go ahead now. */
export function retryAfterMs(failures: ScopeFailures, now: Date, free: number = FREE_FAILURES): number {
  if (!failures.lastAt) return 0;
  const delay = delayAfterFailures(failures.count, free);
  return Math.max(0, failures.lastAt.getTime() + delay - now.getTime());
}

/**
 * The client's address as the trusted proxies in front of the app saw it: each proxy appends
 * to X-Forwarded-For, so with N trusted proxies the client is the Nth entry from the right
 * (anything further left was written by the client and may be forged). With no trusted proxy
 * the header proves nothing (`next start` only fills it with the socket's address when the
 * client sent none): null here, and the caller uses the socket's address (lib/net/socket-address.ts).
 */
export function clientAddress(
  headers: Record<string, string | string[] | undefined> | Headers | undefined,
  trustedProxies: number,
): string | null {
  if (!headers || trustedProxies < 1) return null;
  const raw = headers instanceof Headers ? headers.get('x-forwarded-for') : headers['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const address = entries[entries.length - trustedProxies];
  return address ? address.slice(0, 64) : null;
}
