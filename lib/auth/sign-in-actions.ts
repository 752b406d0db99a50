'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { readSessionId } from '@/lib/auth/session';
import { endSession } from '@/lib/auth/sessions';
import { prisma } from '@/lib/db/client';

/**
 * Signs out: ends the session on the server (so a copy of the cookie opens nothing, and the
 * session's open ratings-panel streams close at once), then deletes the cookie. A server action,
 * so the button works before the page's JavaScript has loaded. Anyone may call it: it only ends
 * the session whose cookie came with the request.
 */
export async function signOutAction(): Promise<void> {
  await endSession(prisma, await readSessionId(), 'sign_out');
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (/^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(cookie.name)) {
      // A __Secure- cookie is only replaced by one that is itself Secure.
      jar.set(cookie.name, '', { path: '/', maxAge: 0, httpOnly: true, sameSite: 'lax', secure: cookie.name.startsWith('__Secure-') });
    }
  }
  redirect('/sign-in?signedOut=1');
}
