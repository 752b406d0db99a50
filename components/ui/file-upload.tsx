import type { InputHTMLAttributes } from 'react';
import { FormField, describedByOf } from './form-field';

/** GOV.UK file upload with label, hint and inline error wired by aria-describedby. */
export function FileUpload({
  id,
  label,
  hint,
  error,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { id: string; label: string; hint?: string; error?: string }) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type="file"
        aria-describedby={describedByOf(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...props}
        className="block max-w-full p-1"
      />
    </FormField>
  );
}
