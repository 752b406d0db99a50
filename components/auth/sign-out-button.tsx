'use client';

import { useRef, type FormEvent } from 'react';
import { signOutAction } from '@/lib/auth/sign-in-actions';
import { countOutbox, isOutboxAvailable, wipeOutbox } from '@/lib/offline/outbox';
import { wipeOfflinePages } from '@/components/offline/offline-support';

/**
 * Signing out wipes what Casemark keeps on this device for the user (issue 11: the outbox belongs
 * to the signed-in user). With changes not yet sent it asks first, because they would be lost.
 */
export function SignOutButton({ userId }: { userId: string }) {
  const isChecked = useRef(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (isChecked.current || !isOutboxAvailable()) return;
    event.preventDefault();
    const form = event.currentTarget;
    void (async () => {
      const unsent = await countOutbox(userId).catch(() => 0);
      if (
        unsent > 0 &&
        !window.confirm(
          `${unsent} change${unsent === 1 ? ' has' : 's have'} not been sent to Casemark yet and will be lost if you sign out. Sign out anyway?`,
        )
      )
        return;
      await wipeOutbox(userId).catch(() => undefined);
      await wipeOfflinePages(userId).catch(() => undefined);
      isChecked.current = true;
      form.requestSubmit();
    })();
  }

  return (
    <form action={signOutAction} onSubmit={onSubmit}>
      <button
        type="submit"
        className="cursor-pointer text-white underline underline-offset-2 hover:decoration-2 focus-visible:text-govuk-text"
      >
        Sign out
      </button>
    </form>
  );
}
