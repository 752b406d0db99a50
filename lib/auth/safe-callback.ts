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

/**
 * The parts of a request to /api/auth that next-auth reads a callback URL from — the
 * `callbackUrl` query parameter, the same field of a form or JSON body, and the callback-url
 * cookie — with each made a safe path ({@link safeCallbackUrl}), so that none can make next-auth
 * throw or redirect elsewhere. Everything else is passed on as it came.
 */
export function withSafeCallbackUrls(request: { url: string; headers: Headers; body?: string }): {
  url: string;
  headers: Headers;
  body?: string;
} {
  const url = new URL(request.url);
  if (url.searchParams.has('callbackUrl')) url.searchParams.set('callbackUrl', safeCallbackUrl(url.searchParams.get('callbackUrl')));
  const headers = new Headers(request.headers);
  const cookie = headers.get('cookie');
  if (cookie) {
    const pairs = cookie.split(';').map((pair) => {
      const at = pair.indexOf('=');
      const name = (at < 0 ? pair : pair.slice(0, at)).trim();
      if (!CALLBACK_COOKIE.test(name)) return pair.trim();
      let value = pair.slice(at + 1).trim();
      try {
        value = decodeURIComponent(value);
      } catch {
        value = '/';
      }
      return `${name}=${encodeURIComponent(safeCallbackUrl(value))}`;
    });
    headers.set('cookie', pairs.join('; '));
  }
  let body = request.body;
  if (body !== undefined) {
    if ((headers.get('content-type') ?? '').includes('application/json')) {
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
  return { url: url.toString(), headers, body };
}
