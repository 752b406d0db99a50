'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ConflictPanel } from '@/components/ui/conflict-panel';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios } from '@/components/ui/radios';
import { RATING_LABELS } from '@/lib/format/labels';
import { RATINGS, type Rating } from '@/lib/framework/types';
import type { PanelDecisionConflict } from '@/lib/panel/decisions';
import type { PanelData, PanelDecisionView } from '@/lib/panel/load-panel';
import { recordPanelDecisionAction, withdrawPanelDecisionAction } from '@/lib/panel/actions';

const OPTIONS = [...RATINGS].reverse().map((r) => ({ value: r, label: RATING_LABELS[r] }));

const describeDecision = (rating: Rating | null, rationale: string | null, isWithdrawn = false) =>
  rating ? `${RATING_LABELS[rating]} — ${rationale ?? ''}` : isWithdrawn ? 'Withdrawn (the computed rating applies)' : 'No panel decision';

/**
 * Records, replaces or withdraws the ratings panel's professional judgement on a standard. Each
 * is made on the version of the standard's decision the lead saw when they began (`version`,
 * frozen at the first keystroke even as the live panel updates), so a decision someone else
 * recorded meanwhile comes back as a conflict to choose from, never silently replaced.
 */
export function PanelDecisionForm({
  inspectionId,
  standardId,
  decision,
  version,
  onChange,
}: {
  inspectionId: string;
  standardId: string;
  decision: PanelDecisionView | null;
  /** The standard's panel decision version on the page (0: never decided). */
  version: number;
  onChange: (data: PanelData) => void;
}) {
  const [rating, setRating] = useState<Rating | null>(null);
  const [rationale, setRationale] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The version my change is made on: the page's when I began, until it is saved or I choose.
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [conflict, setConflict] = useState<{ kind: 'record' | 'withdraw'; theirs: PanelDecisionConflict } | null>(null);
  const [isPending, startTransition] = useTransition();
  const prefix = `decision-${standardId.replace('.', '-')}`;
  const begin = () => setBaseVersion((v) => v ?? version);

  function submit(onVersion = baseVersion ?? version) {
    const local: Record<string, string> = {};
    if (!rating) local.rating = 'Choose the panel’s rating';
    if (rationale.trim().length < 10) local.rationale = 'Give the panel’s rationale (at least 10 characters)';
    setErrors(local);
    if (Object.keys(local).length) return;
    startTransition(async () => {
      const response = await recordPanelDecisionAction({ inspectionId, standardId, rating, rationale, baseVersion: onVersion });
      if (!response.ok) {
        setErrors(response.fieldErrors ?? { form: response.message });
        return;
      }
      const { result, panel } = response.data;
      onChange(panel);
      if (result.status === 'conflict') {
        // Mine stays in the form; the choice is the lead's.
        setBaseVersion(result.theirs.version);
        setConflict({ kind: 'record', theirs: result.theirs });
        return;
      }
      setConflict(null);
      setBaseVersion(null);
      setRating(null);
      setRationale('');
    });
  }

  function withdraw(onVersion = version) {
    if (!decision) return;
    setErrors({});
    startTransition(async () => {
      const response = await withdrawPanelDecisionAction({ inspectionId, decisionId: decision.id, baseVersion: onVersion });
      if (!response.ok) {
        setErrors({ form: response.message });
        return;
      }
      onChange(response.data.panel);
      if (response.data.result.status === 'conflict') setConflict({ kind: 'withdraw', theirs: response.data.result.theirs });
      else setConflict(null);
    });
  }

  function keepMine() {
    if (!conflict) return;
    const { kind, theirs } = conflict;
    setConflict(null);
    if (kind === 'record') submit(theirs.version);
    // Withdrawing what is there now; if theirs was a withdrawal too, there is nothing left to do.
    else if (!theirs.isWithdrawn && theirs.rating) withdraw(theirs.version);
  }

  function takeTheirs() {
    setConflict(null);
    setBaseVersion(null);
    setRating(null);
    setRationale('');
  }

  const mine = conflict?.kind === 'withdraw' ? describeDecision(null, null, true) : describeDecision(rating, rationale.trim() || null);

  return (
    <details className="mt-4 border-l-4 border-govuk-border pl-4" data-testid={`decision-form-${standardId}`}>
      <summary className="cursor-pointer text-govuk-link underline">
        {decision ? 'Change or withdraw the panel decision' : 'Record a panel decision (professional judgement)'}
      </summary>
      <div className="mt-3">
        {conflict ? (
          <ConflictPanel
            testId={`decision-conflict-${standardId}`}
            title={`the panel decision on ${standardId}`}
            changedBy={conflict.theirs.updatedByName}
            changedAt={conflict.theirs.updatedAt}
            rows={[
              {
                label: 'Panel decision',
                mine,
                theirs: describeDecision(conflict.theirs.rating, conflict.theirs.rationale, conflict.theirs.isWithdrawn),
              },
            ]}
            explanation={
              conflict.kind === 'record'
                ? 'Your decision is kept in the form. Keep yours to record it over theirs, or take theirs to leave their decision in place.'
                : 'Keep yours to withdraw their decision too, or take theirs to leave it in place.'
            }
            isFocused
            isPending={isPending}
            onKeepMine={keepMine}
            onTakeTheirs={takeTheirs}
          />
        ) : null}
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
          onChange={(v) => {
            begin();
            setRating(v as Rating);
          }}
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
            onChange={(e) => {
              begin();
              setRationale(e.currentTarget.value);
            }}
          />
        </div>
        <div className="mt-4 flex flex-wrap gap-4">
          <Button type="button" disabled={isPending} onClick={() => submit()}>
            Record panel decision
          </Button>
          {decision ? (
            <Button type="button" variant="warning" disabled={isPending} onClick={() => withdraw()}>
              Withdraw panel decision
            </Button>
          ) : null}
        </div>
      </div>
    </details>
  );
}
