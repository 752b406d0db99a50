/**
 * The security headers of every response (issue 9, §5), as pure functions so they are tested
 * beside their rules. proxy.ts applies the per-request ones (the nonce-based Content-Security-
 * Policy, Strict-Transport-Security) to pages and route handlers; next.config.js sends the fixed
 * ones (frame, nosniff, referrer, Permissions-Policy, Cross-Origin-Opener-Policy) on every
 * response, static files included.
 */

/** Two years, as the HSTS preload list asks; subdomains are left to whoever runs the domain. */
export const HSTS_VALUE = 'max-age=63072000';

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce (Next.js
 * puts it on its own scripts, and 'strict-dynamic' lets them load the chunks they need): no
 * inline script an attacker could inject runs. Styles allow inline `style` attributes (React's
 * `style` props), never scripts. The ratings panel's live updates (server-sent events) and
 * server actions stay on this origin.
 */
export function buildContentSecurityPolicy(options: { nonce: string; isDev?: boolean; isHttps?: boolean }): string {
  const directives = [
    "default-src 'self'",
    // Development's React refresh needs eval; production never does.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.isDev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ];
  if (options.isHttps) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** A nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

type HeaderSource = { get(name: string): string | null };

/**
 * Whether the request reached us over HTTPS: the URL itself (unless a forwarded header made it),
 * the public URL the app is configured with (NEXTAUTH_URL), or — only when proxies are trusted
 * (CASEMARK_TRUSTED_PROXIES) — the nearest proxy's X-Forwarded-Proto. HSTS and
 * upgrade-insecure-requests follow it.
 */
export function isServedOverHttps(options: {
  protocol: string;
  headers: HeaderSource;
  publicUrl?: string;
  trustedProxies: number;
}): boolean {
  // The URL's protocol is only believed when no X-Forwarded-Proto can have set it: Next.js builds
  // it from that header, which a client may send itself (issue 21: HSTS turned on by a forged one).
  if (options.protocol === 'https:' && options.headers.get('x-forwarded-proto') === null) return true;
  if (options.publicUrl?.startsWith('https://')) return true;
  if (options.trustedProxies > 0) {
    const forwarded = options.headers.get('x-forwarded-proto');
    // Each proxy appends its own; the last one is the nearest, trusted, proxy's.
    const nearest = forwarded?.split(',').at(-1)?.trim().toLowerCase();
    return nearest === 'https';
  }
  return false;
}

/**
 * A cross-origin POST to a page (a server action, with or without JavaScript): its Origin names
 * another host than the one it was sent to. Next.js refuses these itself, but with a 500; the
 * proxy answers 403. Compared as Next.js does: X-Forwarded-Host (first value) or Host against
 * the Origin's host; a request without Origin is not a browser's cross-site request.
 */
export function isCrossOriginPost(options: { method: string; pathname: string; headers: HeaderSource }): boolean {
  if (options.method.toUpperCase() !== 'POST') return false;
  if (options.pathname.startsWith('/api/')) return false; // route handlers check their own callers (next-auth: its CSRF token)
  return originOf(options.headers) === 'other';
}

/**
 * Whose page sent this request, by its Origin header: 'same' when the Origin's host is the host
 * the request was sent to (X-Forwarded-Host's first value, else Host, as Next.js compares),
 * 'other' when it names another (or is not a URL, or is the opaque 'null'), 'none' when there is
 * no Origin (not a browser's cross-site request, but not proof of our own page either).
 */
export function originOf(headers: HeaderSource): 'same' | 'other' | 'none' {
  const origin = headers.get('origin');
  if (origin === null) return 'none';
  let originHost: string;
  if (origin === 'null') {
    originHost = 'null';
  } else {
    try {
      originHost = new URL(origin).host;
    } catch {
      return 'other'; // not a URL: not our origin
    }
  }
  const forwardedHost = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const host = forwardedHost || headers.get('host');
  return host && originHost.toLowerCase() === host.toLowerCase() ? 'same' : 'other';
}
