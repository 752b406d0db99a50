'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** "Sign in with <provider>": the organisation's identity provider (OpenID Connect). */
export function OidcSignInButton({ providerId, name, callbackUrl }: { providerId: string; name: string; callbackUrl: string }) {
  const [isPending, setIsPending] = useState(false);
  return (
    <Button
      type="button"
      id="sign-in-oidc"
      disabled={isPending}
      onClick={() => {
        setIsPending(true);
        void signIn(providerId, { callbackUrl }).catch(() => setIsPending(false));
      }}
    >
      {isPending ? 'Signing in…' : `Sign in with ${name}`}
    </Button>
  );
}
