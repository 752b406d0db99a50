'use client';

import { useState } from 'react';
import type { KeyQuestion } from '@/lib/framework/types';
import type { EvidenceNote } from '@/lib/report/load-draft';

type Filter = 'yes' | 'no' | 'all';

/**
 * The evidence at hand for one standard: per key question and prompt, the inspectors' notes
 * from the cases that answered it, filtered by Yes / No. A note can be quoted into the
 * standard's paragraphs ("One inspector noted:"): its text only, never a name or a case reference.
 */
export function EvidencePanel({
  id,
  keyQuestions,
  notes,
  quotedIds,
  canEdit,
  onQuote,
}: {
  id: string;
  keyQuestions: KeyQuestion[];
  notes: EvidenceNote[];
  quotedIds: ReadonlySet<string>;
  canEdit: boolean;
  onQuote: (note: EvidenceNote) => void;
}) {
  const [filter, setFilter] = useState<Filter>('all');
  const shown = notes.filter((n) => filter === 'all' || n.value === filter);
  const questions = keyQuestions.flatMap((kq) => [{ id: kq.id, text: kq.text }, ...kq.prompts.map((p) => ({ id: p.id, text: p.text }))]);
  const withNotes = questions.filter((q) => shown.some((n) => n.questionId === q.id));

  return (
    <details className="mb-4 border-2 border-govuk-border p-3">
      <summary className="cursor-pointer font-bold text-govuk-link">Evidence at hand ({notes.length} notes)</summary>
      <fieldset className="my-2">
        <legend className="font-bold">Show notes from cases answered</legend>
        <div className="flex gap-4">
          {(['all', 'yes', 'no'] as const).map((f) => (
            <label key={f} className="flex items-center gap-1">
              <input type="radio" name={`${id}-filter`} value={f} checked={filter === f} onChange={() => setFilter(f)} />
              {f === 'all' ? 'Yes or No' : f === 'yes' ? 'Yes' : 'No'}
            </label>
          ))}
        </div>
      </fieldset>
      {withNotes.length === 0 ? <p>No notes.</p> : null}
      {withNotes.map((q) => (
        <div key={q.id} className="mb-3">
          <h4 className="font-bold">
            {q.id} {q.text}
          </h4>
          <ul className="list-disc pl-6">
            {shown
              .filter((n) => n.questionId === q.id)
              .map((n) => (
                <li key={n.answerId} className="mb-1">
                  <span className="text-govuk-secondary">{n.value === 'yes' ? 'Yes' : 'No'}:</span> {n.note}{' '}
                  {canEdit ? (
                    quotedIds.has(n.answerId) ? (
                      <span className="text-govuk-secondary">(quoted)</span>
                    ) : (
                      <button type="button" className="text-govuk-link underline" onClick={() => onQuote(n)}>
                        Quote this note<span className="sr-only"> on {q.id}</span>
                      </button>
                    )
                  ) : null}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </details>
  );
}
