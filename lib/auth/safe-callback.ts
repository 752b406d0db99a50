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

/**
 * Any callback URL as a path on this site: a path is checked as above; an absolute http(s) URL
 * keeps only its path, query and fragment (so it can only lead here); anything that does not
 * parse — `http://a:b/`, whose port is not a number — is the home page. Never throws: next-auth
 * would answer a callback URL it cannot parse with a 500 (issue 21).
 */
export function safeCallbackUrl(url: unknown): string {
  if (typeof url !== 'string') return '/';
  if (url.startsWith('/')) return safeCallbackPath(url);
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '/';
    return safeCallbackPath(`${parsed.pathname}${parsed.search}${parsed.hash}`);
  } catch {
    return '/';
  }
}

const CALLBACK_COOKIE = /^(?:__Secure-)?next-auth\.callback-url$/;

/** Whether next-auth can read `value` as a callback URL (its own test: an http(s) URL, or a path). */
function isReadableCallbackUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? 'http://casemark.invalid' : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * The callback-url cookies next-auth could not read (a value that does not parse as a URL): it
 * reads them from the request's cookie store, not from a request we could rewrite, and would
 * answer a 500 — so the route clears them and sends the browser back to the same address.
 */
export function unreadableCallbackCookies(cookies: readonly { name: string; value: string }[]): string[] {
  return cookies.filter((c) => CALLBACK_COOKIE.test(c.name) && !isReadableCallbackUrl(c.value)).map((c) => c.name);
}

/**
 * The parts of a request to /api/auth that next-auth reads a callback URL from and that can be
 * rewritten — the `callbackUrl` query parameter and the same field of a form or JSON body — with
 * each made a safe path ({@link safeCallbackUrl}), so that none can make next-auth throw or
 * redirect elsewhere (the cookie: {@link unreadableCallbackCookies}). Everything else is passed on
 * as it came.
 */
export function withSafeCallbackUrls(request: { url: string; body?: string; contentType?: string | null }): {
  url: string;
  body?: string;
} {
  const url = new URL(request.url);
  if (url.searchParams.has('callbackUrl')) url.searchParams.set('callbackUrl', safeCallbackUrl(url.searchParams.get('callbackUrl')));
  let body = request.body;
  if (body !== undefined) {
    if ((request.contentType ?? '').includes('application/json')) {
      try {
        const json: unknown = JSON.parse(body);
        if (json && typeof json === 'object' && 'callbackUrl' in json) {
          body = JSON.stringify({ ...json, callbackUrl: safeCallbackUrl(json.callbackUrl) });
        }
      } catch {
        // Not JSON after all: next-auth reads nothing from it.
      }
    } else {
      const form = new URLSearchParams(body);
      if (form.has('callbackUrl')) {
        form.set('callbackUrl', safeCallbackUrl(form.get('callbackUrl')));
        body = form.toString();
      }
    }
  }
  return { url: url.toString(), body };
}
