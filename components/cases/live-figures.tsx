'use client';

import { ANSWER_LABELS, RATING_LABELS } from '@/lib/format/labels';
import { bandOf } from '@/lib/rating/bands';
import { questionFigures } from '@/lib/rating/key-question';
import type { AnswerState, Counts, QuestionView } from '@/lib/marking/view-types';

/**
 * Beside the marking form: the inspection's figures for the key questions on this page, as they
 * stand after the last save (returned by the save action from one aggregate over the
 * inspection's answers) — only for those who may see the ratings panel. For an inspector whose
 * lead has not let the team see the panel, `counts` is null (the figures are never sent): the
 * box says why, and lists this case's own answers instead.
 */
export function LiveFigures({
  questions,
  counts,
  answers,
}: {
  questions: QuestionView[];
  counts: Record<string, Counts> | null;
  answers: Record<string, AnswerState>;
}) {
  if (counts === null) {
    return (
      <div className="border-t-4 border-govuk-blue bg-govuk-light-grey p-4 lg:sticky lg:top-4" data-testid="live-figures">
        <h2 id="live-figures-heading" className="mb-2 text-lg font-bold">
          Your answers on this case
        </h2>
        <p className="mb-3 text-base" data-testid="live-figures-hidden">
          Figures across the inspection are not shown: the lead inspector has not let inspectors see the ratings panel, or you have a blind
          second marking still to submit. Live figures are for the ratings panel, so that marking is not nudged by a key question near a
          band boundary.
        </p>
        <table className="w-full text-left text-base">
          <caption className="sr-only">Your answer to each question on this page</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">This case</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((q) => {
              const value = answers[q.id]?.value;
              return (
                <tr key={q.id} data-testid={`own-answer-${q.id}`}>
                  <th scope="row" className="py-1 pr-2 font-normal">
                    {q.id}
                  </th>
                  <td className="py-1">{value ? ANSWER_LABELS[value] : 'Not answered'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div className="border-t-4 border-govuk-blue bg-govuk-light-grey p-4 lg:sticky lg:top-4" data-testid="live-figures">
      <h2 id="live-figures-heading" className="mb-2 text-lg font-bold">
        Across the inspection so far
      </h2>
      <table className="w-full text-left text-base">
        <caption className="sr-only">Yes, relevant cases and percentage for each question on this page</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Yes / relevant</th>
            <th scope="col">%</th>
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => {
            const c = counts[q.id] ?? { yes: 0, no: 0, na: 0 };
            const figures = questionFigures(c);
            const band = figures.pct === null ? null : bandOf(figures.pct);
            return (
              <tr key={q.id} data-testid={`figure-${q.id}`}>
                <th scope="row" className="py-1 pr-2 font-normal">
                  {q.id}
                </th>
                <td className="py-1 pr-2">
                  {figures.yes}/{figures.relevant}
                </td>
                <td className="py-1">
                  {figures.pct === null ? '–' : `${figures.pct}%`}
                  {band ? <span className="sr-only"> ({RATING_LABELS[band]})</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
