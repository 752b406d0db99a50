'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary, type ErrorSummaryItem } from '@/components/ui/error-summary';
import { TextInput } from '@/components/ui/text-input';
import { SIGN_IN_MESSAGES, throttledMessage } from '@/lib/auth/sign-in-messages';

type FieldErrors = { email?: string; password?: string; form?: string };

function validate(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!email.trim()) errors.email = 'Enter your email address';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
    errors.email = 'Enter an email address in the correct format, like name@example.com';
  if (!password) errors.password = 'Enter your password';
  return errors;
}

/** The message for an error code from the credentials check (lib/auth/options.ts). */
function messageFor(code: string | undefined | null): string {
  const throttled = /^throttled:(\d{1,7})$/.exec(code ?? '');
  if (throttled) return throttledMessage(Number(throttled[1]) * 1000);
  return code === 'throttled' ? SIGN_IN_MESSAGES.throttled : SIGN_IN_MESSAGES.invalid;
}

export function SignInForm({
  callbackUrl,
  pageError = null,
  pageErrorHref = '#email',
}: {
  callbackUrl: string;
  /** A refusal that came back on the page's URL (single sign-on). */
  pageError?: string | null;
  pageErrorHref?: string;
}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [isPageErrorShown, setIsPageErrorShown] = useState(Boolean(pageError));
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '');
    const password = String(data.get('password') ?? '');
    const fieldErrors = validate(email, password);
    setErrors(fieldErrors);
    setIsPageErrorShown(false);
    if (Object.keys(fieldErrors).length) return;
    setIsPending(true);
    try {
      const result = await signIn('credentials', { email: email.trim(), password, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setErrors({ form: messageFor(result?.error) });
    } catch {
      setErrors({ form: 'Sign-in is not available right now. Try again in a moment.' });
    }
    setIsPending(false);
  }

  const summary: ErrorSummaryItem[] = [
    ...(isPageErrorShown && pageError ? [{ href: pageErrorHref, message: pageError }] : []),
    ...(errors.email ? [{ href: '#email', message: errors.email }] : []),
    ...(errors.password ? [{ href: '#password', message: errors.password }] : []),
    ...(errors.form ? [{ href: '#email', message: errors.form }] : []),
  ];

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={summary} />
      <TextInput
        id="email"
        name="email"
        type="email"
        label="Email address"
        autoComplete="username"
        spellCheck={false}
        error={errors.email}
      />
      <TextInput id="password" name="password" type="password" label="Password" autoComplete="current-password" error={errors.password} />
      <Button disabled={isPending}>{isPending ? 'Signing in…' : 'Sign in'}</Button>
    </form>
  );
}
