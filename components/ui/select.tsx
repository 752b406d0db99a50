import type { SelectHTMLAttributes } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectOptionGroup {
  label: string;
  options: SelectOption[];
}

/**
 * GOV.UK select with label, hint and inline error wired by aria-describedby. Options may be
 * grouped (`<optgroup>`). Prefer radios for a handful of choices; a select suits long lists.
 */
export function Select({
  id,
  label,
  hint,
  error,
  options,
  isLabelHidden = false,
  className = '',
  wrapperClassName = 'mb-6',
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  options: (SelectOption | SelectOptionGroup)[];
  /** The label is read by screen readers only (e.g. a select in a table row named by its row). */
  isLabelHidden?: boolean;
  wrapperClassName?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`${wrapperClassName} ${error ? 'border-l-4 border-govuk-error pl-3' : ''}`}>
      <label htmlFor={id} className={isLabelHidden ? 'sr-only' : 'mb-1 block font-bold'}>
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
      <select
        id={id}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...props}
        className={`block max-w-full border-2 bg-white ${error ? 'border-govuk-error' : 'border-govuk-input'} p-1.5 ${className}`}
      >
        {options.map((option) =>
          'options' in option ? (
            <optgroup key={option.label} label={option.label}>
              {option.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ),
        )}
      </select>
    </div>
  );
}
