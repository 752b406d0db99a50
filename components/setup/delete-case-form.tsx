'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { IDLE_FORM_STATE, type FormState } from '@/lib/forms/form-state';
import { deleteCaseAction } from '@/lib/setup/actions';

export function DeleteCaseForm({ inspectionId, caseId, reference }: { inspectionId: string; caseId: string; reference: string }) {
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(deleteCaseAction, IDLE_FORM_STATE);
  return (
    <form action={formAction}>
      {state.status === 'error' ? (
        <p role="alert" className="mb-3 font-bold text-govuk-error">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="caseId" value={caseId} />
      <Button variant="warning" disabled={isPending}>
        Delete case {reference}
      </Button>
    </form>
  );
}
