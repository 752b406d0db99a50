'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';

/**
 * Signs out by deleting the session cookie (sessions are JWTs: the cookie is the session).
 * A server action, so the button works before the page's JavaScript has loaded.
 */
export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (/^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(cookie.name)) {
      // A __Secure- cookie is only replaced by one that is itself Secure.
      jar.set(cookie.name, '', { path: '/', maxAge: 0, httpOnly: true, sameSite: 'lax', secure: cookie.name.startsWith('__Secure-') });
    }
  }
  redirect('/sign-in?signedOut=1');
}
