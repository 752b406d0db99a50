'use client';

import type { FormState } from '@/lib/forms/form-state';
import { ErrorSummary } from './error-summary';

/**
 * The error summary of a form refused by its server action: one link per field error (to the
 * field's element: `fieldIds[field]`, else `#field`), or the message alone when it concerns the
 * whole form (linked to `fallbackId`).
 */
export function FormErrorSummary({
  state,
  fieldIds = {},
  fallbackId,
  order = [],
}: {
  state: FormState<unknown>;
  fieldIds?: Record<string, string>;
  fallbackId: string;
  /** Fields in the order they appear on the page, so the summary lists errors in that order. */
  order?: string[];
}) {
  if (state.status !== 'error') return <ErrorSummary errors={[]} />;
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const entries = Object.entries(state.fieldErrors).sort(([a], [b]) => rank(a) - rank(b));
  const errors = entries.length
    ? entries.map(([field, message]) => ({ href: `#${fieldIds[field] ?? field}`, message }))
    : [{ href: `#${fallbackId}`, message: state.message }];
  return <ErrorSummary errors={errors} />;
}
