'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { IDLE_FORM_STATE, type FormState } from '@/lib/forms/form-state';
import { deleteCaseAction } from '@/lib/setup/actions';
import { FormMessage } from '@/components/ui/form-message';

export function DeleteCaseForm({ inspectionId, caseId, reference }: { inspectionId: string; caseId: string; reference: string }) {
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(deleteCaseAction, IDLE_FORM_STATE);
  return (
    <form action={formAction}>
      <FormMessage error={state.status === 'error' ? state.message : undefined} />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="caseId" value={caseId} />
      <Button variant="warning" disabled={isPending}>
        Delete case {reference}
      </Button>
    </form>
  );
}
