import { NextResponse, type NextRequest } from 'next/server';
import { buildContentSecurityPolicy, createNonce, HSTS_VALUE, isCrossOriginPost, isServedOverHttps } from '@/lib/security/headers';
import { isOversizeActionPost, isUnmeasuredActionPost, LENGTH_REQUIRED_MESSAGE, TOO_LARGE_MESSAGE } from '@/lib/security/body-limit';

/**
 * Runs before every page and route handler (Next.js 16's proxy, formerly middleware): refuses
 * cross-origin posts to pages with 403 and over-size ones with 413 (lib/security/body-limit.ts), and gives each response a Content-Security-Policy with a
 * fresh nonce (Next.js reads it from the request's CSP header and puts it on its own scripts),
 * plus Strict-Transport-Security when served over HTTPS. The fixed headers come from
 * next.config.js. Every page is already rendered per request (the layout reads the session), so
 * the nonce costs no static rendering.
 */
export function proxy(request: NextRequest) {
  const trustedProxies = Number(process.env.CASEMARK_TRUSTED_PROXIES ?? 0) || 0;
  const isHttps = isServedOverHttps({
    protocol: request.nextUrl.protocol,
    headers: request.headers,
    publicUrl: process.env.NEXTAUTH_URL,
    trustedProxies,
  });

  const refuse = (status: number, text: string) => {
    const refused = new NextResponse(text, {
      status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
    refused.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    if (isHttps) refused.headers.set('Strict-Transport-Security', HSTS_VALUE);
    return refused;
  };
  const post = { method: request.method, pathname: request.nextUrl.pathname, headers: request.headers };
  if (isCrossOriginPost(post)) return refuse(403, 'Forbidden: this request came from another site.\n');
  // Over-size server-action bodies are refused by their declared length before Next.js reads them.
  if (isOversizeActionPost(post)) return refuse(413, TOO_LARGE_MESSAGE);
  // One sent without a length would be read until Next.js gives up with a 500 (issue 21): refused unread.
  if (isUnmeasuredActionPost(post)) return refuse(411, LENGTH_REQUIRED_MESSAGE);

  const nonce = createNonce();
  const csp = buildContentSecurityPolicy({ nonce, isDev: process.env.NODE_ENV === 'development', isHttps });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  if (isHttps) response.headers.set('Strict-Transport-Security', HSTS_VALUE);
  return response;
}

export const config = {
  // Everything but static files (next.config.js gives those a fixed, script-free policy) and the
  // autosave routes, which answer JSON only and check origin, size and session themselves
  // (lib/http/json-action-route.ts), so the saves fieldwork sends every few seconds skip the
  // proxy's per-request work (issue 11, capacity: docs/performance.md).
  matcher: [
    '/((?!_next/static|_next/image|favicon\\.ico|favicon\\.svg|robots\\.txt|inspections/[^/]+/cases/[^/]+/(?:answers|details)$).*)',
  ],
};
