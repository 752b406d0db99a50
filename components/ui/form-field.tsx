import type { ReactNode } from 'react';

/** `aria-describedby` for a field with an optional hint and error (GOV.UK: hint, then error). */
export function describedByOf(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** The hint and inline error of a field, with the ids `describedByOf` points at. */
export function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
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
    </>
  );
}

/**
 * A GOV.UK form group for one control: the label, hint and inline error, and the red bar when
 * in error. The control itself (input, textarea, select…) is the child; give it
 * `aria-describedby={describedByOf(id, hint, error)}`.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  isLabelHidden = false,
  className = 'mb-6',
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  isLabelHidden?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`${className} ${error ? 'border-l-4 border-govuk-error pl-3' : ''}`}>
      <label htmlFor={id} className={isLabelHidden ? 'sr-only' : 'mb-1 block font-bold'}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}
