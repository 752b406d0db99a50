'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Radios } from '@/components/ui/radios';
import { Textarea } from '@/components/ui/textarea';
import { useSubmitWithoutReset } from '@/components/ui/use-submit-without-reset';
import { fieldError, IDLE_FORM_STATE, valueOf, type FormState } from '@/lib/forms/form-state';
import { reconcileDisagreementAction } from '@/lib/quality/second-marking-actions';
import { FormMessage } from '@/components/ui/form-message';

/** The lead inspector's agreed answer on one disagreement, with the reason. */
export function ReconcileForm({
  secondMarkingId,
  questionId,
  answerVersion,
}: {
  secondMarkingId: string;
  questionId: string;
  answerVersion: number;
}) {
  const [state, action, isPending] = useActionState<FormState<unknown>, FormData>(reconcileDisagreementAction, IDLE_FORM_STATE);
  const submit = useSubmitWithoutReset(action);
  const [value, setValue] = useState<string | null>(null);
  const key = questionId.replace(/\./g, '-');
  const formError = state.status === 'error' && Object.keys(state.fieldErrors).length === 0 ? state.message : undefined;
  return (
    <form action={action} onSubmit={submit} noValidate className="mt-3" data-testid="reconcile-form" data-question={questionId}>
      <input type="hidden" name="secondMarkingId" value={secondMarkingId} />
      <input type="hidden" name="questionId" value={questionId} />
      <input type="hidden" name="answerVersion" value={answerVersion} />
      <FormMessage error={formError} done={state.status === 'done' ? state.message : undefined} />
      <Radios
        name="value"
        idPrefix={`rec-${key}-value`}
        legend={`Agreed answer to ${questionId}`}
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
          { value: 'na', label: 'Not applicable' },
        ]}
        value={value}
        onChange={setValue}
        error={fieldError(state, 'value')}
      />
      {value === 'na' ? (
        <div className="mt-3">
          <Textarea
            id={`rec-${key}-na`}
            name="naReason"
            label="Why is it not applicable?"
            rows={2}
            defaultValue={valueOf(state, 'naReason')}
            error={fieldError(state, 'naReason')}
          />
        </div>
      ) : null}
      <div className="mt-3">
        <Textarea
          id={`rec-${key}-reason`}
          name="reason"
          label={`Why is this the agreed answer to ${questionId}?`}
          hint="Recorded with your name and the time; the agreed answer replaces the first marking’s, and the ratings count it."
          rows={3}
          defaultValue={valueOf(state, 'reason')}
          error={fieldError(state, 'reason')}
        />
      </div>
      <Button disabled={isPending}>
        Record the agreed answer<span className="sr-only"> to {questionId}</span>
      </Button>
    </form>
  );
}
