'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { IDLE_FORM_STATE, type FormState } from '@/lib/forms/form-state';
import { withdrawSecondMarkingAction } from '@/lib/quality/second-marking-actions';

/** The lead inspector's way back from a pick not yet submitted: withdraw it, then pick again. */
export function WithdrawSecondMarkingForm({ secondMarkingId, reference }: { secondMarkingId: string; reference: string }) {
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(withdrawSecondMarkingAction, IDLE_FORM_STATE);
  return (
    <form action={formAction} className="mt-2" data-testid="withdraw-second-marking">
      <FormMessage error={state.status === 'error' ? state.message : undefined} />
      <input type="hidden" name="secondMarkingId" value={secondMarkingId} />
      <Button variant="secondary" disabled={isPending}>
        Withdraw<span className="sr-only"> the second marking of case {reference}</span>
      </Button>
    </form>
  );
}
