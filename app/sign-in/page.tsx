import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeCallbackPath } from '@/lib/auth/safe-callback';
import { getSessionUser } from '@/lib/auth/session';
import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; signedOut?: string }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <div className="max-w-xl">
      {params.signedOut ? (
        <div role="status" className="mb-6 border-l-8 border-govuk-success bg-[#cce2d8] p-3" data-testid="signed-out">
          You have signed out.
        </div>
      ) : null}
      <h1 className="mb-6 text-4xl font-bold">Sign in to Casemark</h1>
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}
