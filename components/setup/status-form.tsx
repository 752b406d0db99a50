'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { IDLE_FORM_STATE, type FormState } from '@/lib/forms/form-state';
import { setInspectionStatusAction } from '@/lib/setup/actions';
import type { InspectionStatus } from '@/lib/auth/permissions';
import { useFeedback } from './feedback-scope';
import { FormFeedback } from './form-feedback';

const MOVE_LABELS: Record<string, string> = {
  'set_up>fieldwork': 'Start fieldwork',
  'fieldwork>panel': 'Move to the ratings panel',
  'fieldwork>set_up': 'Back to set-up',
  'panel>published': 'Publish',
  'panel>fieldwork': 'Back to fieldwork',
  'published>panel': 'Back to the ratings panel',
};

/** Moves the inspection to the next status, or back one step. `moves` are those the actor may make. */
export function StatusForm({ inspectionId, status, moves }: { inspectionId: string; status: InspectionStatus; moves: InspectionStatus[] }) {
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(setInspectionStatusAction, IDLE_FORM_STATE);
  const feedback = useFeedback('status');
  return (
    <form action={formAction} onSubmit={feedback.onSubmit}>
      <FormFeedback state={state} isShown={feedback.isShown} fallbackId="status-heading" fieldIds={{ status: 'status-heading' }} />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      {moves.length === 0 ? (
        <p className="text-govuk-secondary">Only an admin can change the status of a published inspection.</p>
      ) : (
        <div className="flex flex-wrap gap-4">
          {moves.map((to, index) => (
            <Button key={to} name="status" value={to} variant={index === 0 ? 'primary' : 'secondary'} disabled={isPending}>
              {MOVE_LABELS[`${status}>${to}`] ?? to}
            </Button>
          ))}
        </div>
      )}
    </form>
  );
}
