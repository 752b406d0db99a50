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

/** The client address from proxy headers; `local` when the app is reached directly. */
export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const forwarded = get('x-forwarded-for')?.split(',')[0]?.trim();
  return (forwarded || get('x-real-ip') || 'local').slice(0, 64);
}
