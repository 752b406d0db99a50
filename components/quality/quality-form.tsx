'use client';

import { useActionState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/textarea';
import { TextInput } from '@/components/ui/text-input';
import { fieldError, IDLE_FORM_STATE, valueOf, type FormState } from '@/lib/forms/form-state';
import {
  markCaseReviewedAction,
  raiseQueryAction,
  reopenQueryAction,
  replyToQueryAction,
  resolveQueryAction,
  setQualityTargetAction,
} from '@/lib/quality/actions';
import { FormMessage } from '@/components/ui/form-message';

const ACTIONS = {
  raise: raiseQueryAction,
  reply: replyToQueryAction,
  resolve: resolveQueryAction,
  reopen: reopenQueryAction,
  reviewed: markCaseReviewedAction,
  target: setQualityTargetAction,
} as const;

/**
 * One quality-assurance form: a query, a reply, resolve / re-open, "reviewed", or the target.
 * The outcome is shown beside the form (inline error wired to the field, or a status line).
 */
export function QualityForm({
  kind,
  id,
  hidden,
  field,
  buttonLabel,
  buttonVariant = 'primary',
}: {
  kind: keyof typeof ACTIONS;
  /** Unique on the page: prefixes the field and message ids. */
  id: string;
  hidden: Record<string, string>;
  field?: { name: string; label: string; hint?: string; type: 'textarea' | 'number'; defaultValue?: string };
  buttonLabel: ReactNode;
  buttonVariant?: 'primary' | 'secondary';
}) {
  const [state, action, isPending] = useActionState<FormState<unknown>, FormData>(ACTIONS[kind], IDLE_FORM_STATE);
  const error = field ? fieldError(state, field.name) : undefined;
  const formError = state.status === 'error' && !error ? state.message : undefined;
  return (
    <form action={action} noValidate className="mb-4" data-testid={`quality-form-${kind}`}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage error={formError} done={state.status === 'done' ? state.message : undefined} />
      {field?.type === 'textarea' ? (
        <Textarea
          id={`${id}-${field.name}`}
          name={field.name}
          label={field.label}
          hint={field.hint}
          rows={3}
          defaultValue={valueOf(state, field.name)}
          error={error}
        />
      ) : field?.type === 'number' ? (
        <TextInput
          id={`${id}-${field.name}`}
          name={field.name}
          label={field.label}
          hint={field.hint}
          inputMode="numeric"
          className="w-20"
          defaultValue={valueOf(state, field.name, field.defaultValue ?? '')}
          error={error}
        />
      ) : null}
      <Button variant={buttonVariant} disabled={isPending}>
        {buttonLabel}
      </Button>
    </form>
  );
}
