import NextAuth from 'next-auth';
import { cookies } from 'next/headers';
import { getAuthOptions } from '@/lib/auth/options';
import { SESSION_COOKIES, getSessionUser } from '@/lib/auth/session';

type Context = { params: Promise<{ nextauth: string[] }> };

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
  const [action] = (await context.params).nextauth ?? [];
  if (action === 'session') return sessionResponse();
  return NextAuth(getAuthOptions())(request, context);
}

export { handler as GET, handler as POST };
