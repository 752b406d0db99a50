import type { InputHTMLAttributes, ReactNode } from 'react';

/** One GOV.UK checkbox: a large box with its label (and optional hint) beside it. */
export function Checkbox({
  id,
  label,
  hint,
  className = '',
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { id: string; label: ReactNode; hint?: string }) {
  return (
    <div className={`flex items-start gap-2 ${className}`}>
      <input
        type="checkbox"
        id={id}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...props}
        className="h-8 w-8 shrink-0 cursor-pointer accent-govuk-text"
      />
      <div>
        <label htmlFor={id} className="block cursor-pointer py-1">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-govuk-secondary">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
