'use client';

import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { NotificationBanner } from '@/components/ui/notification-banner';
import type { FormState } from '@/lib/forms/form-state';

/** The outcome of a form: a success banner, or the error summary. */
export function FormFeedback({
  state,
  isShown = true,
  fallbackId,
  fieldIds,
}: {
  state: FormState<unknown>;
  isShown?: boolean;
  fallbackId: string;
  fieldIds?: Record<string, string>;
}) {
  if (!isShown) return null;
  if (state.status === 'done') return <NotificationBanner>{state.message}</NotificationBanner>;
  return <FormErrorSummary state={state} fallbackId={fallbackId} fieldIds={fieldIds} />;
}
