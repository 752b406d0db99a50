'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios } from '@/components/ui/radios';
import { RATING_LABELS } from '@/lib/format/labels';
import { RATINGS, type Rating } from '@/lib/framework/types';
import type { PanelData, PanelDecisionView } from '@/lib/panel/load-panel';
import { recordPanelDecisionAction, withdrawPanelDecisionAction } from '@/lib/panel/actions';

const OPTIONS = [...RATINGS].reverse().map((r) => ({ value: r, label: RATING_LABELS[r] }));

/** Records, replaces or withdraws the ratings panel's professional judgement on a standard. */
export function PanelDecisionForm({
  inspectionId,
  standardId,
  decision,
  onChange,
}: {
  inspectionId: string;
  standardId: string;
  decision: PanelDecisionView | null;
  onChange: (data: PanelData) => void;
}) {
  const [rating, setRating] = useState<Rating | null>(null);
  const [rationale, setRationale] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isPending, startTransition] = useTransition();
  const prefix = `decision-${standardId.replace('.', '-')}`;

  function submit() {
    const local: Record<string, string> = {};
    if (!rating) local.rating = 'Choose the panel’s rating';
    if (rationale.trim().length < 10) local.rationale = 'Give the panel’s rationale (at least 10 characters)';
    setErrors(local);
    if (Object.keys(local).length) return;
    startTransition(async () => {
      const response = await recordPanelDecisionAction({ inspectionId, standardId, rating, rationale });
      if (!response.ok) {
        setErrors(response.fieldErrors ?? { form: response.message });
        return;
      }
      setRating(null);
      setRationale('');
      onChange(response.data);
    });
  }

  function withdraw() {
    if (!decision) return;
    startTransition(async () => {
      const response = await withdrawPanelDecisionAction({ inspectionId, decisionId: decision.id });
      if (!response.ok) setErrors({ form: response.message });
      else onChange(response.data);
    });
  }

  return (
    <details className="mt-4 border-l-4 border-govuk-border pl-4" data-testid={`decision-form-${standardId}`}>
      <summary className="cursor-pointer text-govuk-link underline">
        {decision ? 'Change or withdraw the panel decision' : 'Record a panel decision (professional judgement)'}
      </summary>
      <div className="mt-3">
        <ErrorSummary
          errors={Object.entries(errors).map(([field, message]) => ({
            href: field === 'rationale' ? `#${prefix}-rationale` : `#${prefix}-rating`,
            message,
          }))}
        />
        <Radios
          name={`${prefix}-rating`}
          idPrefix={`${prefix}-rating`}
          legend={`Panel’s rating for ${standardId}`}
          options={OPTIONS}
          value={rating}
          onChange={(v) => setRating(v as Rating)}
          error={errors.rating}
        />
        <div className={`mt-4 ${errors.rationale ? 'border-l-4 border-govuk-error pl-3' : ''}`}>
          <label htmlFor={`${prefix}-rationale`} className="mb-1 block font-bold">
            Rationale
          </label>
          <p id={`${prefix}-rationale-hint`} className="mb-1 text-base text-govuk-secondary">
            Why the panel applied professional discretion: the boundary, the cases read, what tipped it.
          </p>
          {errors.rationale ? (
            <p id={`${prefix}-rationale-error`} className="mb-1 font-bold text-govuk-error">
              <span className="sr-only">Error:</span> {errors.rationale}
            </p>
          ) : null}
          <textarea
            id={`${prefix}-rationale`}
            rows={3}
            className="block w-full border-2 border-govuk-input p-1.5"
            aria-describedby={`${prefix}-rationale-hint${errors.rationale ? ` ${prefix}-rationale-error` : ''}`}
            value={rationale}
            onChange={(e) => setRationale(e.currentTarget.value)}
          />
        </div>
        <div className="mt-4 flex flex-wrap gap-4">
          <Button type="button" disabled={isPending} onClick={submit}>
            Record panel decision
          </Button>
          {decision ? (
            <Button type="button" variant="warning" disabled={isPending} onClick={withdraw}>
              Withdraw panel decision
            </Button>
          ) : null}
        </div>
      </div>
    </details>
  );
}
