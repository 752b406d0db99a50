'use client';

import { useActionState, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { ConflictPanel } from '@/components/ui/conflict-panel';
import { Button } from '@/components/ui/button';
import { useSubmitWithoutReset } from '@/components/ui/use-submit-without-reset';
import { DateInput, datePartsOf, type DateParts } from '@/components/ui/date-input';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Radios } from '@/components/ui/radios';
import { Select } from '@/components/ui/select';
import { TextInput } from '@/components/ui/text-input';
import { CASE_TYPE_LABELS, DISPOSAL_LABELS, LEVEL_LABELS } from '@/lib/format/labels';
import { COURT_DISPOSALS, LEVELS, OUT_OF_COURT_DISPOSALS, type CaseType } from '@/lib/framework/types';
import { fieldError, IDLE_FORM_STATE, nestedValueOf, valueOf, type FormState } from '@/lib/forms/form-state';
import { addCaseAction, editCaseAction, type EditCaseFormState } from '@/lib/setup/actions';
import type { CaseEditConflict } from '@/lib/setup/cases';
import { caseFormValuesOf, type CaseFormValues } from './case-form-values';

const LEVEL_OPTIONS = [{ value: '', label: 'Not recorded' }, ...LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))];
const FIELD_IDS = { type: 'type-input', sentenceDate: 'sentenceDate-day' };

type Inspectors = { id: string; name: string; role: string }[];

const FIELD_LABELS: Record<CaseEditConflict['fields'][number], string> = {
  reference: 'Case reference',
  type: 'Case type',
  disposal: 'Disposal',
  sentenceDate: 'Sentence or disposal date',
  gender: 'Gender',
  rosh: 'RoSH level',
  safetyWellbeing: 'Safety and wellbeing level',
  caseManager: 'Case manager',
  inspectorId: 'Inspector',
};

/** The fields as the form posts them (the date in parts), for the server to compare with theirs. */
const asPosted = (values: CaseFormValues) => ({
  reference: values.reference,
  type: values.type,
  disposal: values.disposal,
  sentenceDate: values.sentenceDate,
  gender: values.gender,
  rosh: values.rosh,
  safetyWellbeing: values.safetyWellbeing,
  caseManager: values.caseManager,
  inspectorId: values.inspectorId,
});

/** An ISO calendar date (2026-09-04) as the date input's parts (4, 9, 2026). */
const partsOfIso = (iso: string | null): DateParts => datePartsOf(iso ? new Date(iso) : null);

/** Someone else's version of the case, as the form's values. */
const formValuesOf = (id: string, theirs: CaseEditConflict['theirs']) => caseFormValuesOf({ id, ...theirs });

/** A field's value in words, whether typed into the form (mine) or held by the database (theirs). */
function describe(field: CaseEditConflict['fields'][number], value: unknown, inspectors: Inspectors): string {
  if (field === 'sentenceDate') {
    const parts = (typeof value === 'string' ? partsOfIso(value) : value) as Partial<DateParts> | null | undefined;
    return parts?.day && parts.month && parts.year ? `${parts.day}/${parts.month}/${parts.year}` : 'Not recorded';
  }
  const text = typeof value === 'string' ? value : '';
  if (!text) return field === 'inspectorId' ? 'Not allocated' : 'Not recorded';
  if (field === 'type') return CASE_TYPE_LABELS[text as CaseType] ?? text;
  if (field === 'disposal') return DISPOSAL_LABELS[text as keyof typeof DISPOSAL_LABELS] ?? text;
  if (field === 'rosh' || field === 'safetyWellbeing') return LEVEL_LABELS[text as keyof typeof LEVEL_LABELS] ?? text;
  if (field === 'inspectorId') return inspectors.find((i) => i.id === text)?.name ?? 'An inspector no longer on the team';
  return text;
}

/**
 * Adds a case to the sample, or changes one (`kase`), with optimistic concurrency on its version:
 * someone else's change meanwhile is shown beside mine (the conflict panel) — "Keep mine" saves
 * mine over it knowingly, "Take theirs" puts theirs in the form.
 */
export function CaseForm(props: { inspectionId: string; framework: '2018' | '2021'; inspectors: Inspectors; kase?: CaseFormValues }) {
  // "Take theirs" starts the form again on their version.
  const [opened, setOpened] = useState(props.kase);
  const [generation, setGeneration] = useState(0);
  return (
    <CaseFormOn
      key={generation}
      {...props}
      kase={opened}
      onTakeTheirs={(theirs) => {
        setOpened(theirs);
        setGeneration((g) => g + 1);
      }}
    />
  );
}

function CaseFormOn({
  inspectionId,
  framework,
  inspectors,
  kase,
  onTakeTheirs,
}: {
  inspectionId: string;
  framework: '2018' | '2021';
  inspectors: Inspectors;
  kase?: CaseFormValues;
  onTakeTheirs: (theirs: CaseFormValues) => void;
}) {
  const [state, formAction, isPending] = useActionState<EditCaseFormState | FormState<unknown>, FormData>(
    kase ? editCaseAction : addCaseAction,
    IDLE_FORM_STATE,
  );
  // What the next save is made on: the version opened, or theirs once "Keep mine" was chosen.
  const [base, setBase] = useState(kase ? { version: kase.version, values: asPosted(kase) } : null);
  const formRef = useRef<HTMLFormElement>(null);
  const conflict = 'conflict' in state && state.conflict?.fields.length ? state.conflict : null;
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
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="max-w-2xl">
      {conflict && kase ? (
        <ConflictPanel
          title="this case"
          changedBy={conflict.changedBy}
          changedAt={conflict.changedAt}
          rows={conflict.fields.map((field) => ({
            label: FIELD_LABELS[field],
            mine: describe(field, state.status === 'error' ? state.values[field] : undefined, inspectors),
            theirs: describe(field, conflict.theirs[field], inspectors),
          }))}
          explanation="Nothing has been saved yet. Keep yours to save it over theirs, or take theirs to start again from their details."
          isFocused
          isPending={isPending}
          onKeepMine={() => {
            flushSync(() => setBase({ version: conflict.theirs.version, values: asPosted(formValuesOf(kase.id, conflict.theirs)) }));
            formRef.current?.requestSubmit();
          }}
          onTakeTheirs={() => onTakeTheirs(formValuesOf(kase.id, conflict.theirs))}
          testId="case-conflict"
          headingLevel={2}
        />
      ) : (
        <FormErrorSummary state={state} fallbackId="reference" fieldIds={FIELD_IDS} />
      )}
      <input type="hidden" name="inspectionId" value={inspectionId} />
      {kase && base ? (
        <>
          <input type="hidden" name="caseId" value={kase.id} />
          <input type="hidden" name="baseVersion" value={base.version} />
          <input type="hidden" name="baseValues" value={JSON.stringify(base.values)} />
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
