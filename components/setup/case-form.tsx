'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useSubmitWithoutReset } from '@/components/ui/use-submit-without-reset';
import { DateInput, type DateParts } from '@/components/ui/date-input';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Radios } from '@/components/ui/radios';
import { Select } from '@/components/ui/select';
import { TextInput } from '@/components/ui/text-input';
import { CASE_TYPE_LABELS, DISPOSAL_LABELS, LEVEL_LABELS } from '@/lib/format/labels';
import { COURT_DISPOSALS, LEVELS, OUT_OF_COURT_DISPOSALS, type CaseType } from '@/lib/framework/types';
import { fieldError, IDLE_FORM_STATE, nestedValueOf, valueOf, type FormState } from '@/lib/forms/form-state';
import { addCaseAction, editCaseAction } from '@/lib/setup/actions';

interface CaseFormValues {
  id: string;
  version: number;
  reference: string;
  type: CaseType;
  disposal: string;
  sentenceDate: DateParts;
  gender: string;
  rosh: string;
  safetyWellbeing: string;
  caseManager: string;
  inspectorId: string;
}

const LEVEL_OPTIONS = [{ value: '', label: 'Not recorded' }, ...LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))];
const FIELD_IDS = { type: 'type-input', sentenceDate: 'sentenceDate-day' };

/** Adds a case to the sample, or changes one (`kase`), with optimistic concurrency on its version. */
export function CaseForm({
  inspectionId,
  framework,
  inspectors,
  kase,
}: {
  inspectionId: string;
  framework: '2018' | '2021';
  inspectors: { id: string; name: string; role: string }[];
  kase?: CaseFormValues;
}) {
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(
    kase ? editCaseAction : addCaseAction,
    IDLE_FORM_STATE,
  );
  const [type, setType] = useState<string | null>(kase?.type ?? null);
  const onSubmit = useSubmitWithoutReset(formAction);
  const types = framework === '2021' ? (['court', 'out_of_court', 'resettlement'] as const) : (['court', 'out_of_court'] as const);
  const text = (name: keyof CaseFormValues) => valueOf(state, name, kase ? String(kase[name] ?? '') : '');
  const date = {
    day: nestedValueOf(state, 'sentenceDate', 'day', kase?.sentenceDate.day ?? ''),
    month: nestedValueOf(state, 'sentenceDate', 'month', kase?.sentenceDate.month ?? ''),
    year: nestedValueOf(state, 'sentenceDate', 'year', kase?.sentenceDate.year ?? ''),
  };
  const disposalGroups = [
    { label: 'Court disposals', options: COURT_DISPOSALS.map((d) => ({ value: d, label: DISPOSAL_LABELS[d] })) },
    { label: 'Out-of-court disposals', options: OUT_OF_COURT_DISPOSALS.map((d) => ({ value: d, label: DISPOSAL_LABELS[d] })) },
  ];

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-2xl">
      <FormErrorSummary state={state} fallbackId="reference" fieldIds={FIELD_IDS} />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      {kase ? (
        <>
          <input type="hidden" name="caseId" value={kase.id} />
          <input type="hidden" name="baseVersion" value={kase.version} />
        </>
      ) : null}
      <TextInput
        id="reference"
        name="reference"
        label="Case reference"
        hint="The service’s reference for the case, up to 40 characters. Never the child’s name."
        autoComplete="off"
        spellCheck={false}
        className="max-w-xs"
        defaultValue={text('reference')}
        error={fieldError(state, 'reference')}
      />
      <div className="mb-6">
        <Radios
          name="type"
          idPrefix="type"
          legend="Case type"
          isInline={false}
          options={types.map((t) => ({ value: t, label: CASE_TYPE_LABELS[t] }))}
          value={type}
          onChange={setType}
          error={fieldError(state, 'type')}
        />
      </div>
      <Select
        id="disposal"
        name="disposal"
        label="Disposal"
        hint={
          type === 'out_of_court'
            ? 'An out-of-court disposal.'
            : type
              ? 'A court disposal (a resettlement case has a custodial sentence or a court order).'
              : undefined
        }
        defaultValue={text('disposal')}
        error={fieldError(state, 'disposal')}
        options={[
          { value: '', label: 'Choose the disposal' },
          ...(type === 'out_of_court' ? disposalGroups.slice(1) : type ? disposalGroups.slice(0, 1) : disposalGroups),
        ]}
      />
      <DateInput
        id="sentenceDate"
        name="sentenceDate"
        legend="Sentence or disposal date (optional)"
        hint="For example, 14 9 2026"
        defaultValue={date}
        error={fieldError(state, 'sentenceDate')}
      />
      <TextInput
        id="gender"
        name="gender"
        label="Gender (optional)"
        autoComplete="off"
        className="max-w-xs"
        defaultValue={text('gender')}
        error={fieldError(state, 'gender')}
      />
      <Select
        id="rosh"
        name="rosh"
        label="Risk of serious harm (RoSH) level (optional)"
        defaultValue={text('rosh')}
        error={fieldError(state, 'rosh')}
        options={LEVEL_OPTIONS}
      />
      <Select
        id="safetyWellbeing"
        name="safetyWellbeing"
        label="Safety and wellbeing level (optional)"
        defaultValue={text('safetyWellbeing')}
        error={fieldError(state, 'safetyWellbeing')}
        options={LEVEL_OPTIONS}
      />
      <TextInput
        id="caseManager"
        name="caseManager"
        label="Case manager (optional)"
        hint="How the service refers to the case manager, for example CM-07."
        autoComplete="off"
        className="max-w-md"
        defaultValue={text('caseManager')}
        error={fieldError(state, 'caseManager')}
      />
      <Select
        id="inspectorId"
        name="inspectorId"
        label="Inspector"
        defaultValue={text('inspectorId')}
        error={fieldError(state, 'inspectorId')}
        options={[
          { value: '', label: 'Not allocated' },
          ...inspectors.map((i) => ({ value: i.id, label: i.role === 'lead_inspector' ? `${i.name} (lead)` : i.name })),
        ]}
      />
      <Button disabled={isPending}>{kase ? 'Save changes' : 'Add case'}</Button>
    </form>
  );
}
