import NextAuth from 'next-auth';
import { cookies } from 'next/headers';
import { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/options';
import { SESSION_COOKIES, getSessionUser } from '@/lib/auth/session';
import { withSafeCallbackUrls } from '@/lib/auth/safe-callback';
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
  let forwarded: Request;
  if (request.method === 'POST') {
    // An over-size or malformed body gets a clear 4xx here, not an exception inside next-auth.
    const body = await checkFormOrJsonBody(request, MAX_AUTH_BODY_BYTES);
    if (!body.ok) return new Response(body.message, { status: body.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    // Every callback URL (query, body, cookie) made a safe path: one that does not parse is a 500 inside next-auth.
    const safe = withSafeCallbackUrls({ url: request.url, headers: request.headers, body: body.text });
    forwarded = new NextRequest(safe.url, { method: 'POST', headers: safe.headers, body: safe.body });
  } else {
    const safe = withSafeCallbackUrls({ url: request.url, headers: request.headers });
    forwarded = new NextRequest(safe.url, { method: request.method, headers: safe.headers });
  }
  return NextAuth(getAuthOptions())(forwarded, context);
}

export { handler as GET, handler as POST };
