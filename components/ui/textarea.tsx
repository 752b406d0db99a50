import type { TextareaHTMLAttributes } from 'react';

/** GOV.UK textarea with label, hint and inline error wired by aria-describedby. */
export function Textarea({
  id,
  label,
  hint,
  error,
  className = '',
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; label: string; hint?: string; error?: string }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`mb-6 ${error ? 'border-l-4 border-govuk-error pl-3' : ''}`}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mb-1 text-govuk-secondary">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mb-1 font-bold text-govuk-error">
          <span className="sr-only">Error:</span> {error}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={5}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...props}
        className={`block w-full max-w-xl border-2 ${error ? 'border-govuk-error' : 'border-govuk-input'} p-1.5 ${className}`}
      />
    </div>
  );
}
