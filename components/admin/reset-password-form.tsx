'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { TextInput } from '@/components/ui/text-input';
import { fieldError, IDLE_FORM_STATE, type FormState } from '@/lib/forms/form-state';
import { resetPasswordAction } from '@/lib/admin/user-actions';

export function ResetPasswordForm({ userId }: { userId: string }) {
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(resetPasswordAction, IDLE_FORM_STATE);
  return (
    <form action={formAction} noValidate aria-labelledby="reset-password-heading">
      <h2 id="reset-password-heading" className="mb-3 text-2xl font-bold">
        Reset password
      </h2>
      {state.status === 'done' ? <NotificationBanner>{state.message}</NotificationBanner> : null}
      <FormErrorSummary state={state} fallbackId="new-password" fieldIds={{ password: 'new-password' }} />
      <input type="hidden" name="userId" value={userId} />
      <TextInput
        id="new-password"
        name="password"
        type="password"
        label="New password"
        hint="At least 12 characters."
        autoComplete="new-password"
        error={fieldError(state, 'password')}
      />
      <Button variant="secondary" disabled={isPending}>
        Reset password
      </Button>
    </form>
  );
}
