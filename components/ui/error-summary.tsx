'use client';

import { useEffect, useRef } from 'react';

export interface ErrorSummaryItem {
  /** id of the field in error, linked to with #id */
  href: string;
  message: string;
}

/**
 * GOV.UK error summary: focused when it appears so screen reader users hear it first,
 * each error links to its field.
 */
export function ErrorSummary({ errors, title = 'There is a problem' }: { errors: ErrorSummaryItem[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => e.href + e.message).join('|');
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-8 border-4 border-govuk-error p-4 focus:outline-3 focus:outline-govuk-focus"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title" className="mb-3 text-2xl font-bold">
        {title}
      </h2>
      <ul className="space-y-2">
        {errors.map((error) => (
          <li key={error.href + error.message}>
            <a href={error.href} className="font-bold text-govuk-error! visited:text-govuk-error">
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
