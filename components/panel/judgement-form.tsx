'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ConflictPanel } from '@/components/ui/conflict-panel';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios } from '@/components/ui/radios';
import { RATING_LABELS } from '@/lib/format/labels';
import { RATINGS, type Rating, type Standard } from '@/lib/framework/types';
import type { JudgementConflict } from '@/lib/panel/decisions';
import type { JudgementView, PanelData } from '@/lib/panel/load-panel';
import { recordJudgementAction } from '@/lib/panel/actions';

const OPTIONS = [...RATINGS].reverse().map((r) => ({ value: r, label: RATING_LABELS[r] }));

/** The lead inspector's judgement on a qualitative standard, with evidence per question. */
export function JudgementForm({
  inspectionId,
  standard,
  judgement,
  onChange,
}: {
  inspectionId: string;
  standard: Standard;
  judgement: JudgementView | null;
  onChange: (data: PanelData) => void;
}) {
  const [rating, setRating] = useState<Rating | null>(judgement?.rating ?? null);
  const [evidence, setEvidence] = useState<Record<string, string>>(judgement?.evidence ?? {});
  const [version, setVersion] = useState(judgement?.version ?? 0);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<JudgementConflict | null>(null);
  const [isPending, startTransition] = useTransition();
  const prefix = `judgement-${standard.id.replace('.', '-')}`;

  function save(onVersion = version) {
    setMessage(null);
    setError(null);
    startTransition(async () => {
      const response = await recordJudgementAction({ inspectionId, standardId: standard.id, rating, evidence, baseVersion: onVersion });
      if (!response.ok) {
        setError(response.message);
        return;
      }
      const { result, panel } = response.data;
      if (result.status === 'conflict') {
        // Keep what the lead typed on the page; the choice is theirs.
        setConflict(result.theirs);
      } else {
        setConflict(null);
        setVersion(result.version);
        setMessage(
          `Judgement for ${standard.id} saved at ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`,
        );
      }
      onChange(panel);
    });
  }

  function keepMine() {
    if (!conflict) return;
    setVersion(conflict.version);
    setConflict(null);
    save(conflict.version);
  }

  function takeTheirs() {
    if (!conflict) return;
    setVersion(conflict.version);
    setRating(conflict.rating);
    setEvidence(conflict.evidence);
    setConflict(null);
  }

  const changedEvidence = conflict ? standard.keyQuestions.filter((q) => (evidence[q.id] ?? '') !== (conflict.evidence[q.id] ?? '')) : [];

  return (
    <div>
      {conflict ? (
        <ConflictPanel
          testId={`judgement-conflict-${standard.id}`}
          title={`the judgement for ${standard.id}`}
          changedBy={conflict.updatedByName}
          changedAt={conflict.updatedAt}
          rows={[
            {
              label: 'Rating',
              mine: rating ? RATING_LABELS[rating] : '(no rating)',
              theirs: conflict.rating ? RATING_LABELS[conflict.rating] : '(no rating)',
            },
            ...changedEvidence.map((q) => ({
              label: `Evidence ${q.id}`,
              mine: evidence[q.id] || '(none)',
              theirs: conflict.evidence[q.id] || '(none)',
            })),
          ]}
          explanation="Your judgement is kept in the form. Keep yours to save it over theirs, or take theirs to put their judgement in the form."
          isFocused
          isPending={isPending}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
        />
      ) : null}
      <ErrorSummary errors={error ? [{ href: `#${prefix}-rating`, message: error }] : []} />
      <Radios
        name={`${prefix}-rating`}
        idPrefix={`${prefix}-rating`}
        legend={`Your judgement for ${standard.id} ${standard.title}`}
        options={OPTIONS}
        value={rating}
        onChange={(v) => setRating(v as Rating)}
        error={error ?? undefined}
      />
      {standard.keyQuestions.map((q) => (
        <div key={q.id} className="mt-3">
          <label htmlFor={`${prefix}-${q.id.replace(/\./g, '-')}`} className="mb-1 block">
            Evidence: {q.text}
          </label>
          <textarea
            id={`${prefix}-${q.id.replace(/\./g, '-')}`}
            rows={2}
            className="block w-full border-2 border-govuk-input p-1.5"
            value={evidence[q.id] ?? ''}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setEvidence((ev) => ({ ...ev, [q.id]: text }));
            }}
          />
        </div>
      ))}
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <Button type="button" disabled={isPending} onClick={() => save()}>
          Save judgement for {standard.id}
        </Button>
        {message ? (
          <p role="status" className="font-bold text-govuk-success">
            {message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
