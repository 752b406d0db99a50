import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { RATING_LABELS } from '@/lib/format/labels';
import { RATINGS } from '@/lib/framework/types';
import type { StandardOption } from '@/lib/data/setup';

const RATING_OPTIONS = [{ value: '', label: 'Not rated' }, ...[...RATINGS].reverse().map((r) => ({ value: r, label: RATING_LABELS[r] }))];

/** An earlier published inspection of the same service, offered as the previous one. */
export interface EarlierInspectionOption {
  id: string;
  label: string;
}

/**
 * The previous inspection's rating per standard and its key-question percentages (optional):
 * shown beside this inspection's figures on the ratings panel. Where Casemark holds earlier
 * published inspections of the same service (`earlier`), one of them can be chosen instead and
 * its figures are copied; typing stays for inspections before Casemark.
 */
export function PreviousResultsFields({
  standards,
  ratings,
  keyQuestionPct,
  ratingsError,
  keyQuestionPctError,
  earlier,
  previousInspectionId = '',
  previousInspectionError,
}: {
  standards: StandardOption[];
  ratings: Record<string, string>;
  keyQuestionPct: string;
  ratingsError?: string;
  keyQuestionPctError?: string;
  earlier?: EarlierInspectionOption[];
  previousInspectionId?: string;
  previousInspectionError?: string;
}) {
  return (
    <fieldset
      id="previous-results"
      className="mb-6"
      aria-describedby={`previous-results-hint${ratingsError ? ' previous-ratings-error' : ''}`}
    >
      <legend className="mb-1 text-2xl font-bold">Previous inspection (optional)</legend>
      <p id="previous-results-hint" className="mb-4 text-govuk-secondary">
        The ratings and key-question percentages of this service’s previous inspection, to compare with on the ratings panel.
      </p>
      {earlier ? (
        <Select
          id="previousInspectionId"
          name="previousInspectionId"
          label="Previous inspection in Casemark"
          hint={
            earlier.length
              ? 'Choose it to copy its published ratings and key-question percentages: the fields below are then filled from it. For an inspection before Casemark, choose “Not in Casemark” and type its results.'
              : 'Casemark holds no earlier published inspection of this service. Type the previous inspection’s results below.'
          }
          defaultValue={previousInspectionId}
          error={previousInspectionError}
          options={[
            { value: '', label: 'Not in Casemark (type its results below)' },
            ...earlier.map((e) => ({ value: e.id, label: e.label })),
          ]}
        />
      ) : null}
      {ratingsError ? (
        <p id="previous-ratings-error" className="mb-2 font-bold text-govuk-error">
          <span className="sr-only">Error:</span> {ratingsError}
        </p>
      ) : null}
      {/* Focusable, so the error summary's link lands here. */}
      <div id="previous-ratings" tabIndex={-1} className="mb-6 grid gap-x-6 gap-y-3 sm:grid-cols-2">
        {standards.map((s) => (
          <Select
            key={s.id}
            id={`previous-rating-${s.id.replace('.', '-')}`}
            name={`previousRatings[${s.id}]`}
            label={`${s.id} ${s.title}`}
            wrapperClassName=""
            defaultValue={ratings[s.id] ?? ''}
            options={RATING_OPTIONS}
            aria-invalid={ratingsError ? true : undefined}
          />
        ))}
      </div>
      <Textarea
        id="previousKeyQuestionPct"
        name="previousKeyQuestionPct"
        label="Previous key-question percentages"
        hint="One key question a line, as the key question’s number, an equals sign and the percentage, for example 2.1.1=77"
        defaultValue={keyQuestionPct}
        error={keyQuestionPctError}
        spellCheck={false}
        className="font-mono"
      />
    </fieldset>
  );
}
