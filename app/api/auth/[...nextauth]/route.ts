import NextAuth from 'next-auth';
import { cookies } from 'next/headers';
import { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/options';
import { SESSION_COOKIES, getSessionUser } from '@/lib/auth/session';
import { unreadableCallbackCookies, withSafeCallbackUrls } from '@/lib/auth/safe-callback';
import { checkFormOrJsonBody, MAX_AUTH_BODY_BYTES } from '@/lib/http/request-body';

type Context = { params: Promise<{ nextauth: string[] }> };

/** The routes next-auth serves under /api/auth; anything else is not found (next-auth would throw). */
const AUTH_ROUTES = new Set(['providers', 'session', 'csrf', 'signin', 'signout', 'callback', 'verify-request', 'error', '_log']);

/**
 * /api/auth/session answered from the server-side session, never by next-auth: it would
 * re-issue the token with a fresh expiry on every call. Nothing is refreshed, and nothing
 * about an ended, expired, reset or deactivated session is returned (an empty session, and the
 * dead cookie is deleted).
 */
async function sessionResponse(): Promise<Response> {
  const user = await getSessionUser();
  const headers = { 'Cache-Control': 'private, no-cache, no-store', Pragma: 'no-cache', Expires: '0' };
  if (user) {
    return Response.json(
      { user: { id: user.id, name: user.name, email: user.email }, expires: new Date(user.sessionExpiresAt).toISOString() },
      { headers },
    );
  }
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    if (jar.get(name)) jar.set(name, '', { path: '/', maxAge: 0, httpOnly: true, sameSite: 'lax', secure: name.startsWith('__Secure-') });
  }
  return Response.json({}, { headers });
}

// Built per request from the validated configuration (nothing at import, so the build needs none).
async function handler(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (!Array.isArray(nextauth) || !AUTH_ROUTES.has(nextauth[0] ?? '')) return new Response('Not found', { status: 404 });
  if (nextauth[0] === 'session') return sessionResponse();
  // Passwords are only ever posted; next-auth answers any other method here with a 500.
  if (nextauth[0] === 'callback' && nextauth[1] === 'credentials' && request.method !== 'POST') {
    return new Response('Sign in with the form: this address only takes a POST.', { status: 405, headers: { Allow: 'POST' } });
  }
  // A callback-url cookie next-auth cannot parse would be a 500 inside it: cleared, and the same request made again.
  const jar = await cookies();
  const unreadable = unreadableCallbackCookies(jar.getAll());
  if (unreadable.length) {
    for (const name of unreadable)
      jar.set(name, '', { path: '/', maxAge: 0, httpOnly: true, sameSite: 'lax', secure: name.startsWith('__Secure-') });
    return new Response(null, { status: 307, headers: { Location: request.url, 'Cache-Control': 'no-store' } });
  }
  let forwarded: Request;
  if (request.method === 'POST') {
    // An over-size or malformed body gets a clear 4xx here, not an exception inside next-auth.
    const body = await checkFormOrJsonBody(request, MAX_AUTH_BODY_BYTES);
    if (!body.ok) return new Response(body.message, { status: body.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    // Every callback URL (query, body, cookie) made a safe path: one that does not parse is a 500 inside next-auth.
    const safe = withSafeCallbackUrls({ url: request.url, body: body.text, contentType: request.headers.get('content-type') });
    forwarded = new NextRequest(safe.url, { method: 'POST', headers: request.headers, body: safe.body });
  } else {
    forwarded = new NextRequest(withSafeCallbackUrls({ url: request.url }).url, { method: request.method, headers: request.headers });
  }
  return NextAuth(getAuthOptions())(forwarded, context);
}

export { handler as GET, handler as POST };
