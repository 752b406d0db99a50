'use client';

import type { Suggestion } from '@/lib/report/suggestions';

/**
 * Suggested key findings from the prompts with the highest and lowest yes-rates. Only
 * suggestions: each is added when the writer chooses it, and can then be rewritten.
 */
export function Suggestions({
  suggested,
  onAccept,
}: {
  suggested: { strengths: Suggestion[]; areas: Suggestion[] };
  onAccept: (list: 'strengths' | 'areas', text: string) => void;
}) {
  if (!suggested.strengths.length && !suggested.areas.length) return null;
  const list = (kind: 'strengths' | 'areas', items: Suggestion[]) =>
    items.map((s) => (
      <li key={s.promptId} className="mb-1">
        {s.text}{' '}
        <span className="text-govuk-secondary">
          ({s.pct}% of {s.relevant} cases)
        </span>{' '}
        <button type="button" className="text-govuk-link underline" onClick={() => onAccept(kind, s.text)}>
          Add as {kind === 'strengths' ? 'a strength' : 'an area for improvement'}
          <span className="sr-only"> ({s.promptId})</span>
        </button>
      </li>
    ));
  return (
    <details className="mb-4 border-2 border-govuk-border p-3">
      <summary className="cursor-pointer font-bold text-govuk-link">Suggestions from the prompts</summary>
      {suggested.strengths.length ? (
        <>
          <h4 className="mt-2 font-bold">Highest yes-rates</h4>
          <ul className="list-disc pl-6">{list('strengths', suggested.strengths)}</ul>
        </>
      ) : null}
      {suggested.areas.length ? (
        <>
          <h4 className="mt-2 font-bold">Lowest yes-rates</h4>
          <ul className="list-disc pl-6">{list('areas', suggested.areas)}</ul>
        </>
      ) : null}
    </details>
  );
}
