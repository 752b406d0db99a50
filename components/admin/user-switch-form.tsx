'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { IDLE_FORM_STATE, type FormState } from '@/lib/forms/form-state';
import { setUserActiveAction, setUserAdminAction } from '@/lib/admin/user-actions';
import { FormMessage } from '@/components/ui/form-message';

const ACTIONS = { active: setUserActiveAction, admin: setUserAdminAction };

/**
 * One button that turns a user's account on or off (`active`) or gives or removes admin rights
 * (`admin`). When the change is not allowed (e.g. on one's own account) the reason is shown
 * instead of the button; the server refuses it too.
 */
export function UserSwitchForm({
  userId,
  kind,
  nextValue,
  label,
  isWarning = false,
  refusal,
}: {
  userId: string;
  kind: 'active' | 'admin';
  nextValue: boolean;
  label: string;
  isWarning?: boolean;
  refusal?: string | null;
}) {
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(ACTIONS[kind], IDLE_FORM_STATE);
  return (
    <form action={formAction}>
      {state.status === 'done' ? <NotificationBanner>{state.message}</NotificationBanner> : null}
      <FormMessage error={state.status === 'error' ? state.message : undefined} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name={kind === 'active' ? 'isActive' : 'isAdmin'} value={String(nextValue)} />
      {refusal ? (
        <p className="text-govuk-secondary">{refusal}</p>
      ) : (
        <Button variant={isWarning ? 'warning' : 'secondary'} disabled={isPending}>
          {label}
        </Button>
      )}
    </form>
  );
}
