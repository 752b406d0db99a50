'use client';

import { useRef, useState, type FormEvent } from 'react';
import { signOut } from 'next-auth/react';
import { signOutAction } from '@/lib/auth/sign-in-actions';
import { countOutbox, isOutboxAvailable, wipeOutbox } from '@/lib/offline/outbox';
import { wipeOfflinePages } from '@/components/offline/offline-support';

/** Signing out waits this long for the server before saying it needs a connection. */
const SIGN_OUT_TIMEOUT_MS = 10_000;

const NEEDS_CONNECTION =
  'You are offline. Signing out needs a connection to Casemark, to end your session there. You are still signed in, and nothing has been removed from this device.';

function withinTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('No answer from Casemark')), SIGN_OUT_TIMEOUT_MS)),
  ]);
}

async function isStillSignedIn(): Promise<boolean> {
  const response = await fetch('/api/auth/session', { cache: 'no-store' });
  const session = (await response.json()) as { user?: unknown };
  return Boolean(session.user);
}

/**
 * Signing out ends the session on the server first (next-auth's sign-out, which ends the
 * server-side session: lib/auth/options.ts), and only then wipes what Casemark keeps on this
 * device for the user (issue 11: the outbox belongs to the signed-in user). Offline, the server
 * cannot be told, so nothing is wiped and it says so: a device is never left wiped and still
 * signed in (issue 20). With changes not yet sent it asks first, because they would be lost.
 * Without JavaScript the form posts the server action, which does the same on the server.
 */
export function SignOutButton({ userId }: { userId: string }) {
  const isBusy = useRef(false);
  const [problem, setProblem] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy.current) return;
    isBusy.current = true;
    setProblem(null);
    void (async () => {
      try {
        const unsent = isOutboxAvailable() ? await countOutbox(userId).catch(() => 0) : 0;
        if (
          unsent > 0 &&
          !window.confirm(
            `${unsent} change${unsent === 1 ? ' has' : 's have'} not been sent to Casemark yet and will be lost if you sign out. Sign out anyway?`,
          )
        )
          return;
        try {
          await withinTimeout(signOut({ redirect: false }));
          // next-auth answers some failures (a CSRF token it never got) without ending anything: ask.
          if (await withinTimeout(isStillSignedIn())) throw new Error('Still signed in');
        } catch {
          setProblem(NEEDS_CONNECTION);
          return;
        }
        if (isOutboxAvailable()) await wipeOutbox(userId).catch(() => undefined);
        await wipeOfflinePages(userId).catch(() => undefined);
        window.location.assign(new URL('/sign-in?signedOut=1', window.location.href).href);
      } finally {
        isBusy.current = false;
      }
    })();
  }

  return (
    <>
      <form action={signOutAction} onSubmit={onSubmit}>
        <button
          type="submit"
          className="cursor-pointer text-white underline underline-offset-2 hover:decoration-2 focus-visible:text-govuk-text"
        >
          Sign out
        </button>
      </form>
      {problem ? (
        <p role="alert" data-testid="sign-out-offline" className="basis-full bg-white p-2 font-bold text-govuk-error">
          {problem}
        </p>
      ) : null}
    </>
  );
}
