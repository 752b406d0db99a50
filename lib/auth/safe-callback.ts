const BASE = 'http://casemark.invalid';

/**
 * Where to go after signing in: only a path on this site, never an open redirect. Refuses
 * protocol-relative (`//evil`), backslash (`/\evil`) and control-character tricks that browsers
 * normalise into another origin, and anything that is not a single string.
 */
export function safeCallbackPath(url: unknown): string {
  if (typeof url !== 'string' || !url.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(url)) return '/';
  try {
    const parsed = new URL(url, BASE);
    if (parsed.origin !== BASE) return '/';
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return '/';
  }
}
