import type { TextareaHTMLAttributes } from 'react';
import { FormField, describedByOf } from './form-field';

/** GOV.UK textarea with label, hint and inline error wired by aria-describedby. */
export function Textarea({
  id,
  label,
  hint,
  error,
  className = '',
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; label: string; hint?: string; error?: string }) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={5}
        aria-describedby={describedByOf(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...props}
        className={`block w-full max-w-xl border-2 ${error ? 'border-govuk-error' : 'border-govuk-input'} p-1.5 ${className}`}
      />
    </FormField>
  );
}
