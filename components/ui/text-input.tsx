import type { InputHTMLAttributes } from 'react';
import { FormField, describedByOf } from './form-field';

/** GOV.UK text input with label, hint and inline error wired by aria-describedby. */
export function TextInput({
  id,
  label,
  hint,
  error,
  className = '',
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; hint?: string; error?: string }) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        aria-describedby={describedByOf(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...props}
        className={`block w-full max-w-md border-2 ${error ? 'border-govuk-error' : 'border-govuk-input'} p-1.5 ${className}`}
      />
    </FormField>
  );
}
