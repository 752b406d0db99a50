'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useSubmitWithoutReset } from '@/components/ui/use-submit-without-reset';
import { DateInput } from '@/components/ui/date-input';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Radios } from '@/components/ui/radios';
import { Select } from '@/components/ui/select';
import { TextInput } from '@/components/ui/text-input';
import { fieldError, IDLE_FORM_STATE, nestedValueOf, valueOf, type FormState } from '@/lib/forms/form-state';
import type { FrameworkVersion } from '@/lib/framework/types';
import type { StandardOption } from '@/lib/data/setup';
import { createInspectionAction } from '@/lib/setup/new-inspection-actions';
import { calendarDate } from '@/lib/validation/setup';
import { PreviousResultsFields, type EarlierInspectionOption } from './previous-results-fields';

const FIELD_IDS = {
  serviceId: 'serviceId',
  framework: 'framework-input',
  fieldworkStart: 'fieldworkStart-day',
  fieldworkEnd: 'fieldworkEnd-day',
  previousInspectionId: 'previousInspectionId',
  previousRatings: 'previous-ratings',
};

const FIELD_ORDER = [
  'serviceId',
  'newServiceName',
  'newServiceLocalAuthority',
  'newServiceRegion',
  'framework',
  'fieldworkStart',
  'fieldworkEnd',
  'leadEmail',
  'previousInspectionId',
  'previousRatings',
  'previousKeyQuestionPct',
];

/** The day, month and year typed in the date input inside `element`. */
const datePartsIn = (element: HTMLElement) => {
  const part = (key: string) => element.querySelector<HTMLInputElement>(`input[id$="-${key}"]`)?.value.trim() ?? '';
  return { day: part('day'), month: part('month'), year: part('year') };
};

/** A whole date typed, read by the action's own rule, as `YYYY-MM-DD`; null while it is not one. */
const FIELDWORK_START = calendarDate('Fieldwork start date', { isRequired: true });
const typedDate = (parts: { day: string; month: string; year: string }) => {
  const typed = FIELDWORK_START.safeParse(parts);
  return typed.success ? typed.data : null;
};

const dateOf = (state: FormState<unknown>, name: string) => ({
  day: nestedValueOf(state, name, 'day'),
  month: nestedValueOf(state, name, 'month'),
  year: nestedValueOf(state, name, 'year'),
});

/**
 * Creates an inspection in set-up: service (existing or new), standards, fieldwork, lead, previous
 * results — chosen from the service's published inspections in Casemark (`earlierByService`:
 * the action checks the choice is of that service and started before this fieldwork), or typed.
 */
export function CreateInspectionForm({
  services,
  standards,
  earlierByService,
}: {
  services: { id: string; name: string }[];
  standards: Record<FrameworkVersion, StandardOption[]>;
  /** With each one's fieldwork start (`YYYY-MM-DD`): only those before the start typed are offered. */
  earlierByService: Record<string, (EarlierInspectionOption & { fieldworkStart: string })[]>;
}) {
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(createInspectionAction, IDLE_FORM_STATE);
  const [serviceId, setServiceId] = useState(services.length ? '' : 'new');
  const [framework, setFramework] = useState<FrameworkVersion | null>(null);
  const [typedStart, setTypedStart] = useState<string | null>(null);
  const earlier = serviceId && serviceId !== 'new' ? (earlierByService[serviceId] ?? []) : undefined;
  const onSubmit = useSubmitWithoutReset(formAction);
  const previousRatings =
    state.status === 'error' && typeof state.values.previousRatings === 'object'
      ? (state.values.previousRatings as Record<string, string>)
      : {};

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-3xl">
      <FormErrorSummary state={state} fallbackId="serviceId" fieldIds={FIELD_IDS} order={FIELD_ORDER} />

      <Select
        id="serviceId"
        name="serviceId"
        label="Service"
        hint="The youth justice service being inspected."
        value={serviceId}
        onChange={(e) => setServiceId(e.currentTarget.value)}
        error={fieldError(state, 'serviceId')}
        options={[
          { value: '', label: 'Choose a service' },
          ...services.map((s) => ({ value: s.id, label: s.name })),
          { value: 'new', label: 'A new service (enter its details)' },
        ]}
      />
      {serviceId === 'new' ? (
        <fieldset className="mb-6 border-l-4 border-govuk-border pl-4">
          <legend className="mb-3 text-xl font-bold">New service</legend>
          <TextInput
            id="newServiceName"
            name="newServiceName"
            label="Name of the service"
            defaultValue={valueOf(state, 'newServiceName')}
            error={fieldError(state, 'newServiceName')}
          />
          <TextInput
            id="newServiceLocalAuthority"
            name="newServiceLocalAuthority"
            label="Local authority"
            defaultValue={valueOf(state, 'newServiceLocalAuthority')}
            error={fieldError(state, 'newServiceLocalAuthority')}
          />
          <TextInput
            id="newServiceRegion"
            name="newServiceRegion"
            label="Region"
            defaultValue={valueOf(state, 'newServiceRegion')}
            error={fieldError(state, 'newServiceRegion')}
            className="max-w-xs"
          />
        </fieldset>
      ) : null}

      <div className="mb-6">
        <Radios
          name="framework"
          idPrefix="framework"
          legend="Standards"
          hint="The inspection framework the cases are marked against."
          isInline={false}
          options={[
            { value: '2021', label: 'July 2021 standards' },
            { value: '2018', label: '2018 standards' },
          ]}
          value={framework}
          onChange={(v) => setFramework(v as FrameworkVersion)}
          error={fieldError(state, 'framework')}
        />
      </div>

      {/* The previous inspection offered must have started before this one (the action checks it again). */}
      <div onInput={(event) => setTypedStart(typedDate(datePartsIn(event.currentTarget)))}>
        <DateInput
          id="fieldworkStart"
          name="fieldworkStart"
          legend="Fieldwork start date"
          hint="For example, 16 11 2026"
          defaultValue={dateOf(state, 'fieldworkStart')}
          error={fieldError(state, 'fieldworkStart')}
        />
      </div>
      <DateInput
        id="fieldworkEnd"
        name="fieldworkEnd"
        legend="Fieldwork end date"
        hint="For example, 27 11 2026"
        defaultValue={dateOf(state, 'fieldworkEnd')}
        error={fieldError(state, 'fieldworkEnd')}
      />

      <TextInput
        id="leadEmail"
        name="leadEmail"
        type="email"
        label="Lead inspector’s email address"
        hint="They must already have a Casemark account. They can then set up the team, the cases and the allocation."
        autoComplete="off"
        spellCheck={false}
        defaultValue={valueOf(state, 'leadEmail')}
        error={fieldError(state, 'leadEmail')}
      />

      {framework ? (
        <PreviousResultsFields
          key={`${framework}:${serviceId}`}
          standards={standards[framework]}
          // An existing service's published inspections; a new service has none in Casemark yet.
          earlier={typedStart ? earlier?.filter((e) => e.fieldworkStart < typedStart) : earlier}
          previousInspectionId={valueOf(state, 'previousInspectionId')}
          previousInspectionError={fieldError(state, 'previousInspectionId')}
          ratings={previousRatings}
          keyQuestionPct={valueOf(state, 'previousKeyQuestionPct')}
          ratingsError={fieldError(state, 'previousRatings')}
          keyQuestionPctError={fieldError(state, 'previousKeyQuestionPct')}
        />
      ) : (
        <p className="mb-6 text-govuk-secondary">Choose the standards to enter the previous inspection’s results (optional).</p>
      )}

      <Button disabled={isPending}>Create inspection</Button>
    </form>
  );
}
