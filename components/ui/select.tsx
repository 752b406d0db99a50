import type { SelectHTMLAttributes } from 'react';
import { FormField, describedByOf } from './form-field';

interface SelectOption {
  value: string;
  label: string;
}

interface SelectOptionGroup {
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
  return (
    <FormField id={id} label={label} hint={hint} error={error} isLabelHidden={isLabelHidden} className={wrapperClassName}>
      <select
        id={id}
        aria-describedby={describedByOf(id, hint, error)}
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
    </FormField>
  );
}
