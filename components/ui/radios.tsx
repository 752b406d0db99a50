'use client';

import type { ReactNode } from 'react';

interface RadioOption {
  value: string;
  label: string;
}

/**
 * GOV.UK radios: a fieldset with a legend, large hit areas, optional hint and inline error
 * wired with aria-describedby. Arrow keys move between options (native radio behaviour).
 */
export function Radios({
  name,
  legend,
  legendClassName = 'font-bold',
  hint,
  error,
  options,
  value,
  onChange,
  isInline = true,
  disabled,
  idPrefix,
  children,
}: {
  name: string;
  legend: ReactNode;
  legendClassName?: string;
  hint?: ReactNode;
  error?: string;
  options: RadioOption[];
  value: string | null;
  onChange: (value: string) => void;
  isInline?: boolean;
  disabled?: boolean;
  idPrefix: string;
  children?: ReactNode;
}) {
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  const errorId = error ? `${idPrefix}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'border-l-4 border-govuk-error pl-3' : undefined}>
      <fieldset aria-describedby={describedBy} id={idPrefix}>
        <legend className={`mb-1 ${legendClassName}`}>{legend}</legend>
        {hint ? (
          <div id={hintId} className="mb-2 text-govuk-secondary">
            {hint}
          </div>
        ) : null}
        {error ? (
          <p id={errorId} className="mb-2 font-bold text-govuk-error">
            <span className="sr-only">Error:</span> {error}
          </p>
        ) : null}
        <div className={isInline ? 'flex flex-wrap gap-x-6 gap-y-2' : 'flex flex-col gap-2'}>
          {options.map((option, index) => {
            const id = index === 0 ? `${idPrefix}-input` : `${idPrefix}-input-${option.value}`;
            return (
              <div key={option.value} className="flex items-center gap-2">
                <input
                  type="radio"
                  id={id}
                  name={name}
                  value={option.value}
                  checked={value === option.value}
                  disabled={disabled}
                  onChange={() => onChange(option.value)}
                  className="h-8 w-8 cursor-pointer accent-govuk-text disabled:cursor-not-allowed"
                />
                <label htmlFor={id} className="cursor-pointer py-1 pr-2">
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
        {children}
      </fieldset>
    </div>
  );
}
