'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { DateInput, type DateParts } from '@/components/ui/date-input';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { fieldError, IDLE_FORM_STATE, nestedValueOf, valueOf, type FormState } from '@/lib/forms/form-state';
import type { StandardOption } from '@/lib/data/setup';
import { updateInspectionDetailsAction } from '@/lib/setup/actions';
import { PreviousResultsFields, type EarlierInspectionOption } from './previous-results-fields';

/**
 * Changes the fieldwork dates, how the report prints them and its lists (issue 22), the publication
 * date and the previous inspection's results. Once the inspection is published only the
 * publication date and the two report-style boxes may change (lib/setup/inspections.ts).
 */
export function InspectionDetailsForm({
  inspectionId,
  fieldworkStart,
  fieldworkEnd,
  publishedOn,
  isFieldworkMonthOnly,
  isReportSerialComma,
  isPublished,
  standards,
  previousRatings,
  previousKeyQuestionPct,
  earlier,
  previousInspectionId,
}: {
  inspectionId: string;
  fieldworkStart: DateParts;
  fieldworkEnd: DateParts;
  publishedOn: DateParts;
  isFieldworkMonthOnly: boolean;
  isReportSerialComma: boolean;
  isPublished: boolean;
  standards: StandardOption[];
  previousRatings: Record<string, string>;
  previousKeyQuestionPct: string;
  earlier: EarlierInspectionOption[];
  previousInspectionId: string;
}) {
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(updateInspectionDetailsAction, IDLE_FORM_STATE);
  const dateOf = (name: string, stored: DateParts) => ({
    day: nestedValueOf(state, name, 'day', stored.day),
    month: nestedValueOf(state, name, 'month', stored.month),
    year: nestedValueOf(state, name, 'year', stored.year),
  });
  // After a failed save the boxes show what was sent (an unticked box sends nothing).
  const isTicked = (name: string, stored: boolean) => (state.status === 'error' ? state.values[name] === 'true' : stored);
  const ratings =
    state.status === 'error' && typeof state.values.previousRatings === 'object'
      ? (state.values.previousRatings as Record<string, string>)
      : previousRatings;
  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <FormErrorSummary
        state={state}
        fallbackId="fieldworkStart-day"
        fieldIds={{
          fieldworkStart: 'fieldworkStart-day',
          fieldworkEnd: 'fieldworkEnd-day',
          publishedOn: 'publishedOn-day',
          previousInspectionId: 'previousInspectionId',
          previousRatings: 'previous-ratings',
        }}
      />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <DateInput
        id="fieldworkStart"
        name="fieldworkStart"
        legend="Fieldwork start date"
        defaultValue={dateOf('fieldworkStart', fieldworkStart)}
        error={fieldError(state, 'fieldworkStart')}
      />
      <DateInput
        id="fieldworkEnd"
        name="fieldworkEnd"
        legend="Fieldwork end date"
        defaultValue={dateOf('fieldworkEnd', fieldworkEnd)}
        error={fieldError(state, 'fieldworkEnd')}
      />
      <fieldset className="mb-6" aria-describedby="report-style-hint">
        <legend className="mb-2 text-xl font-bold">How the report prints</legend>
        <p id="report-style-hint" className="mb-3 text-govuk-secondary">
          Casemark’s pages, files and draft report follow the published report.
        </p>
        <Checkbox
          id="fieldworkMonthOnly"
          name="fieldworkMonthOnly"
          value="true"
          className="mb-3"
          label="Fieldwork month only"
          hint="The report gives only the month of fieldwork, e.g. April 2019"
          defaultChecked={isTicked('fieldworkMonthOnly', isFieldworkMonthOnly)}
        />
        <Checkbox
          id="reportSerialComma"
          name="reportSerialComma"
          value="true"
          label="Serial comma"
          hint="Write lists with a comma before 'and'"
          defaultChecked={isTicked('reportSerialComma', isReportSerialComma)}
        />
      </fieldset>
      <DateInput
        id="publishedOn"
        name="publishedOn"
        legend="Publication date (optional)"
        hint={
          isPublished
            ? 'The day the report was published. The summary across inspections filters by it, and how long case data is kept counts from it. The inspection is published: this is the only detail that can still change.'
            : 'The day the report was published, once it is. The summary across inspections filters by it, and how long case data is kept counts from it.'
        }
        defaultValue={dateOf('publishedOn', publishedOn)}
        error={fieldError(state, 'publishedOn')}
      />
      <PreviousResultsFields
        standards={standards}
        ratings={ratings}
        keyQuestionPct={valueOf(state, 'previousKeyQuestionPct', previousKeyQuestionPct)}
        ratingsError={fieldError(state, 'previousRatings')}
        keyQuestionPctError={fieldError(state, 'previousKeyQuestionPct')}
        earlier={earlier}
        previousInspectionId={valueOf(state, 'previousInspectionId', previousInspectionId)}
        previousInspectionError={fieldError(state, 'previousInspectionId')}
      />
      <Button disabled={isPending}>Save details</Button>
    </form>
  );
}
