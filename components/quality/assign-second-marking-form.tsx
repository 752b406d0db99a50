'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Select } from '@/components/ui/select';
import { fieldError, IDLE_FORM_STATE, type FormState } from '@/lib/forms/form-state';
import { assignSecondMarkingAction } from '@/lib/quality/second-marking-actions';

/** The lead inspector picks a case and its second inspector. */
export function AssignSecondMarkingForm({
  cases,
  inspectors,
}: {
  cases: { id: string; reference: string; inspectorName: string | null }[];
  inspectors: { id: string; name: string }[];
}) {
  const [state, action, isPending] = useActionState<FormState<unknown>, FormData>(assignSecondMarkingAction, IDLE_FORM_STATE);
  return (
    <form action={action} noValidate id="assign-second-marking" className="mb-8" data-testid="assign-second-marking">
      <FormErrorSummary
        state={state}
        fieldIds={{ caseId: 'sm-case', markerId: 'sm-marker' }}
        fallbackId="assign-second-marking"
        order={['caseId', 'markerId']}
      />
      {state.status === 'done' ? (
        <p role="status" className="mb-4 font-bold text-govuk-success">
          {state.message}
        </p>
      ) : null}
      <Select
        id="sm-case"
        name="caseId"
        label="Case"
        hint="Cases already picked are not listed; resettlement cases have no key questions to second mark."
        options={[
          { value: '', label: 'Choose a case' },
          ...cases.map((c) => ({ value: c.id, label: `${c.reference}${c.inspectorName ? ` (marked by ${c.inspectorName})` : ''}` })),
        ]}
        error={fieldError(state, 'caseId')}
      />
      <Select
        id="sm-marker"
        name="markerId"
        label="Second inspector"
        hint="An inspector on the team who is not the case’s own inspector. They will not see the first marking until they submit theirs."
        options={[{ value: '', label: 'Choose an inspector' }, ...inspectors.map((i) => ({ value: i.id, label: i.name }))]}
        error={fieldError(state, 'markerId')}
      />
      <Button disabled={isPending}>Pick for second marking</Button>
    </form>
  );
}
