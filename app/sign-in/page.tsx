import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { OIDC_PROVIDER_ID } from '@/lib/auth/options';
import { safeCallbackPath } from '@/lib/auth/safe-callback';
import { getSessionUser } from '@/lib/auth/session';
import { signInPageError } from '@/lib/auth/sign-in-messages';
import { getOidcConfig } from '@/lib/env';
import { OidcSignInButton } from '@/components/auth/oidc-sign-in-button';
import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; signedOut?: string; error?: string | string[] }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const oidc = getOidcConfig();
  const pageError = signInPageError(typeof params.error === 'string' ? params.error : undefined);
  return (
    <div className="max-w-xl">
      {params.signedOut ? (
        <div role="status" className="mb-6 border-l-8 border-govuk-success bg-[#cce2d8] p-3" data-testid="signed-out">
          You have signed out.
        </div>
      ) : null}
      <h1 className="mb-6 text-4xl font-bold">Sign in to Casemark</h1>
      {oidc ? (
        <>
          <p className="mb-4 text-lg">Use the account you sign in to your organisation with.</p>
          <div className="mb-8">
            <OidcSignInButton providerId={OIDC_PROVIDER_ID} name={oidc.name} callbackUrl={callbackUrl} />
          </div>
          <h2 className="mb-4 text-2xl font-bold">Or sign in with your email address and password</h2>
        </>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} pageError={pageError} pageErrorHref={oidc ? '#sign-in-oidc' : '#email'} />
    </div>
  );
}
