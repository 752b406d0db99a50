import type { InputHTMLAttributes } from 'react';

/** GOV.UK file upload with label, hint and inline error wired by aria-describedby. */
export function FileUpload({
  id,
  label,
  hint,
  error,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { id: string; label: string; hint?: string; error?: string }) {
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
      <input id={id} type="file" aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...props} className="block max-w-full p-1" />
    </div>
  );
}
