'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DateInput, type DateParts } from '@/components/ui/date-input';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FileUpload } from '@/components/ui/file-upload';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Radios } from '@/components/ui/radios';
import { TextInput } from '@/components/ui/text-input';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, IDLE_FORM_STATE, nestedValueOf, valueOf, type FormState } from '@/lib/forms/form-state';
import { describePopulationIssue } from '@/lib/sampling/population-file';
import {
  confirmSampleAction,
  drawSampleAction,
  replaceSampledCaseAction,
  setSixtyFortyAction,
  setSizeAction,
  setWindowAction,
  uploadPopulationAction,
  type UploadResult,
} from '@/lib/sampling/actions';

/**
 * Upload the service's list (CSV or XLSX). Every row is checked; when any is wrong nothing is
 * kept and the error summary lists each problem with its line and column.
 */
export function PopulationUploadForm({ inspectionId, hasPopulation }: { inspectionId: string; hasPopulation: boolean }) {
  const [state, action, isPending] = useActionState<FormState<UploadResult>, FormData>(uploadPopulationAction, IDLE_FORM_STATE);
  const check = state.status === 'done' ? state.data.check : null;
  return (
    <>
      {state.status === 'error' ? <FormErrorSummary state={state} fallbackId="file" /> : null}
      {check && check.fileErrors.length ? (
        <ErrorSummary
          title={`${state.status === 'done' ? state.data.fileName : 'The file'} cannot be used`}
          errors={check.fileErrors.map((message) => ({ href: '#file', message }))}
        />
      ) : null}
      {check && !check.fileErrors.length && check.errors.length ? (
        <ErrorSummary
          title={`${check.errors.length === 1 ? 'There is a problem' : `There are ${check.errors.length} problems`} in ${state.status === 'done' ? state.data.fileName : 'the file'}: nothing has been kept`}
          errors={check.errors.map((issue) => ({ href: '#file', message: describePopulationIssue(issue) }))}
        />
      ) : null}
      <form action={action} className="mb-6">
        <input type="hidden" name="inspectionId" value={inspectionId} />
        <FileUpload
          id="file"
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          label={hasPopulation ? 'Upload a new list (replaces the one above)' : 'Upload the list of eligible cases (CSV or Excel)'}
          hint="One row per case. Nothing is kept unless every row is right."
          error={
            fieldError(state, 'file') ??
            check?.fileErrors[0] ??
            (check?.errors.length ? `${check.errors.length} rows have problems: see the list above` : undefined)
          }
        />
        <Button variant={hasPopulation ? 'secondary' : 'primary'} disabled={isPending}>
          {isPending ? 'Checking…' : 'Upload and check the list'}
        </Button>
      </form>
    </>
  );
}

const WORDS: Record<string, string> = { court: 'court', out_of_court: 'out-of-court', resettlement: 'resettlement' };

/** One population's eligibility window: exact first and last dates. */
export function WindowForm({ inspectionId, type, from, to }: { inspectionId: string; type: string; from: DateParts; to: DateParts }) {
  const [state, action, isPending] = useActionState<FormState<unknown>, FormData>(setWindowAction, IDLE_FORM_STATE);
  const part = (name: 'from' | 'to', fallback: DateParts): DateParts => ({
    day: nestedValueOf(state, name, 'day', fallback.day),
    month: nestedValueOf(state, name, 'month', fallback.month),
    year: nestedValueOf(state, name, 'year', fallback.year),
  });
  return (
    <form action={action} className="mt-3">
      <FormErrorSummary state={state} fallbackId={`${type}-from`} fieldIds={{ from: `${type}-from-day`, to: `${type}-to-day` }} />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="type" value={type} />
      <DateInput
        id={`${type}-from`}
        name="from"
        legend={`First eligible ${WORDS[type]} date`}
        error={fieldError(state, 'from')}
        defaultValue={part('from', from)}
      />
      <DateInput
        id={`${type}-to`}
        name="to"
        legend={`Last eligible ${WORDS[type]} date`}
        error={fieldError(state, 'to')}
        defaultValue={part('to', to)}
      />
      <Button variant="secondary" disabled={isPending}>
        Save the {WORDS[type]} window
      </Button>
    </form>
  );
}

/** Overrides one population's sample size with a reason; blank goes back to the rule. */
export function SizeForm({ inspectionId, type, size, reason }: { inspectionId: string; type: string; size: string; reason: string }) {
  const [state, action, isPending] = useActionState<FormState<unknown>, FormData>(setSizeAction, IDLE_FORM_STATE);
  return (
    <form action={action} className="mt-3">
      <FormErrorSummary
        state={state}
        fallbackId={`${type}-size`}
        fieldIds={{ size: `${type}-size`, reason: `${type}-reason` }}
        order={['size', 'reason']}
      />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="type" value={type} />
      <TextInput
        id={`${type}-size`}
        name="size"
        label={`${WORDS[type]?.charAt(0).toUpperCase() ?? ''}${WORDS[type]?.slice(1) ?? type} sample size`}
        hint="Leave blank to use the rule."
        inputMode="numeric"
        className="max-w-24"
        defaultValue={valueOf(state, 'size', size)}
        error={fieldError(state, 'size')}
      />
      <Textarea
        id={`${type}-reason`}
        name="reason"
        label={`Why the ${WORDS[type]} size differs from the rule`}
        rows={2}
        defaultValue={valueOf(state, 'reason', reason)}
        error={fieldError(state, 'reason')}
      />
      <Button variant="secondary" disabled={isPending}>
        Save the {WORDS[type]} size
      </Button>
    </form>
  );
}

/** The 60/40 rule for the out-of-court sample, or the formula. */
export function SixtyFortyForm({ inspectionId, isSixtyForty }: { inspectionId: string; isSixtyForty: boolean }) {
  const [state, action, isPending] = useActionState<FormState<unknown>, FormData>(setSixtyFortyAction, IDLE_FORM_STATE);
  const [value, setValue] = useState(isSixtyForty ? 'true' : 'false');
  return (
    <form action={action} className="mb-6">
      <FormErrorSummary state={state} fallbackId="sixty-forty" />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <Radios
        name="isSixtyForty"
        idPrefix="sixty-forty"
        legend="How is the out-of-court sample sized?"
        hint="A small service may combine the samples: 60 per cent court cases, 40 per cent out-of-court (Wigan 2021). The out-of-court sample is two thirds of the court sample: nine court cases give six out-of-court, or all of them when fewer are eligible."
        options={[
          { value: 'false', label: 'By the formula, like the court sample' },
          { value: 'true', label: 'By the 60/40 rule' },
        ]}
        value={value}
        onChange={setValue}
        isInline={false}
      />
      <Button variant="secondary" className="mt-3" disabled={isPending}>
        Save how it is sized
      </Button>
    </form>
  );
}

/** Draws the sample with a new seed, or a given one to repeat a draw. */
export function DrawForm({ inspectionId, hasDraw }: { inspectionId: string; hasDraw: boolean }) {
  const [state, action, isPending] = useActionState<FormState<unknown>, FormData>(drawSampleAction, IDLE_FORM_STATE);
  return (
    <form action={action} className="mb-6">
      <FormErrorSummary state={state} fallbackId="seed" />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <TextInput
        id="seed"
        name="seed"
        label="Seed (optional)"
        hint="Leave blank for a new random seed. Enter a recorded seed to draw the same sample again from the same list."
        autoComplete="off"
        spellCheck={false}
        className="max-w-xs font-mono"
        defaultValue={valueOf(state, 'seed')}
        error={fieldError(state, 'seed')}
      />
      <Button variant={hasDraw ? 'secondary' : 'primary'} disabled={isPending}>
        {hasDraw ? 'Draw again' : 'Draw the sample'}
      </Button>
    </form>
  );
}

interface ReserveChoice {
  /** The reserve's id */
  value: string;
  label: string;
}

/** Replaces a sampled case by a reserve; the most similar reserve is chosen already. */
export function ReplaceForm({ inspectionId, caseId, reserves }: { inspectionId: string; caseId: string; reserves: ReserveChoice[] }) {
  const [state, action, isPending] = useActionState<FormState<unknown>, FormData>(replaceSampledCaseAction, IDLE_FORM_STATE);
  const [value, setValue] = useState(valueOf(state, 'replacementId', reserves[0]?.value ?? ''));
  return (
    <form action={action}>
      <FormErrorSummary
        state={state}
        fallbackId="replacementId"
        fieldIds={{ replacementId: 'replacement-input', reason: 'reason' }}
        order={['reason', 'replacementId']}
      />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="caseId" value={caseId} />
      <Textarea
        id="reason"
        name="reason"
        label="Why can this case not be inspected?"
        hint="For example: transferred to another service, or the order ended early. The reason is recorded."
        rows={3}
        defaultValue={valueOf(state, 'reason')}
        error={fieldError(state, 'reason')}
      />
      <div className="mb-6">
        <Radios
          name="replacementId"
          idPrefix="replacement"
          legend="Replace it with"
          hint="Most similar first: the same gender, disposal, risk of serious harm and safety and wellbeing, then the fewest differences; ties by reserve rank."
          options={reserves}
          value={value}
          onChange={setValue}
          isInline={false}
          error={fieldError(state, 'replacementId')}
        />
      </div>
      <Button disabled={isPending}>Replace the case</Button>
    </form>
  );
}

/** Confirms the sample: its cases become the inspection's cases. */
export function ConfirmForm({ inspectionId, count }: { inspectionId: string; count: number }) {
  const [state, action, isPending] = useActionState<FormState<unknown>, FormData>(confirmSampleAction, IDLE_FORM_STATE);
  return (
    <form action={action} id="confirm">
      <FormErrorSummary state={state} fallbackId="confirm" />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <Button disabled={isPending}>
        Confirm the sample and create {count} {count === 1 ? 'case' : 'cases'}
      </Button>
    </form>
  );
}
