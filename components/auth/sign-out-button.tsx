'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: '/sign-in?signedOut=1' })}
      className="cursor-pointer text-white underline underline-offset-2 hover:decoration-2"
    >
      Sign out
    </button>
  );
}
