'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Select } from '@/components/ui/select';
import { Tag } from '@/components/ui/tag';
import { CASE_TYPE_LABELS, DISPOSAL_LABELS, MARKING_STATUS_LABELS } from '@/lib/format/labels';
import { fieldError, IDLE_FORM_STATE, type FormState } from '@/lib/forms/form-state';
import type { SetupCase } from '@/lib/data/setup';
import { allocateCaseAction, allocateCasesAction, spreadCasesAction } from '@/lib/setup/actions';
import { useFeedback } from './feedback-scope';
import { FormFeedback } from './form-feedback';

const STATUS_COLOURS = { not_started: 'grey', in_progress: 'blue', complete: 'green' } as const;

interface AllocatableMember {
  id: string;
  name: string;
  role: string;
}

/**
 * The sample with its allocation: a select per case, "allocate selected cases to …" and
 * "spread unallocated cases evenly across the inspectors". Every case row's checkbox belongs to
 * the bulk form (by its `form` attribute), so each row can also hold its own small form.
 */
export function CaseAllocation({
  inspectionId,
  cases,
  inspectors,
  inspectorCount,
  isReadOnly = false,
}: {
  inspectionId: string;
  cases: SetupCase[];
  inspectors: AllocatableMember[];
  /** Team members with the inspector role (the lead is not counted for "spread"). */
  inspectorCount: number;
  isReadOnly?: boolean;
}) {
  const [oneState, oneAction, isAllocatingOne] = useActionState<FormState<unknown>, FormData>(allocateCaseAction, IDLE_FORM_STATE);
  const [bulkState, bulkAction, isAllocatingMany] = useActionState<FormState<unknown>, FormData>(allocateCasesAction, IDLE_FORM_STATE);
  const [spreadState, spreadAction, isSpreading] = useActionState<FormState<unknown>, FormData>(spreadCasesAction, IDLE_FORM_STATE);
  const one = useFeedback('allocate-one');
  const bulk = useFeedback('allocate-bulk');
  const spread = useFeedback('allocate-spread');
  const isPending = isAllocatingOne || isAllocatingMany || isSpreading;
  const unallocated = cases.filter((c) => !c.inspectorId).length;
  const options = [
    { value: '', label: 'Not allocated' },
    ...inspectors.map((i) => ({ value: i.id, label: i.role === 'lead_inspector' ? `${i.name} (lead)` : i.name })),
  ];

  if (cases.length === 0) return <p data-testid="no-cases">There are no cases in the sample yet.</p>;

  return (
    <>
      <FormFeedback state={oneState} isShown={one.isShown} fallbackId="cases-heading" />
      <FormFeedback state={spreadState} isShown={spread.isShown} fallbackId="spread-button" />
      <FormFeedback
        state={bulkState}
        isShown={bulk.isShown}
        fallbackId="bulk-inspector"
        fieldIds={{ caseIds: 'case-table', inspectorId: 'bulk-inspector' }}
      />

      <p className="mb-4" data-testid="allocation-summary">
        {cases.length} {cases.length === 1 ? 'case' : 'cases'} in the sample;{' '}
        {unallocated === 0 ? 'all allocated' : `${unallocated} not allocated`}.
      </p>

      {isReadOnly ? null : (
        <div className="mb-6 flex flex-col gap-6 bg-govuk-light-grey p-4 md:flex-row md:items-end">
          <form action={spreadAction} onSubmit={spread.onSubmit} className="md:w-1/2">
            <input type="hidden" name="inspectionId" value={inspectionId} />
            <p id="spread-hint" className="mb-2">
              Give each inspector a similar number of cases and a similar mix of case types ({inspectorCount}{' '}
              {inspectorCount === 1 ? 'inspector' : 'inspectors'} on the team).
            </p>
            <Button id="spread-button" variant="secondary" aria-describedby="spread-hint" disabled={isPending || unallocated === 0}>
              Spread unallocated cases evenly across the inspectors
            </Button>
          </form>
          <form id="bulk-allocate" action={bulkAction} onSubmit={bulk.onSubmit} className="flex flex-wrap items-end gap-2 md:w-1/2">
            <input type="hidden" name="inspectionId" value={inspectionId} />
            <Select
              id="bulk-inspector"
              name="inspectorId"
              label="Allocate the selected cases to"
              wrapperClassName=""
              defaultValue=""
              error={bulk.isShown ? fieldError(bulkState, 'inspectorId') : undefined}
              options={[
                { value: '', label: 'Choose an inspector' },
                ...inspectors.map((i) => ({ value: i.id, label: i.name })),
                { value: 'none', label: 'Nobody (take the cases off their inspector)' },
              ]}
            />
            <Button disabled={isPending}>Allocate selected cases</Button>
          </form>
        </div>
      )}

      <div className="overflow-x-auto">
        <table id="case-table" tabIndex={-1} className="w-full border-collapse text-left" data-testid="setup-case-table">
          <caption className="sr-only">Cases in the sample, with who each is allocated to</caption>
          <thead>
            <tr className="border-b-2 border-govuk-border">
              {isReadOnly ? null : (
                <th scope="col" className="py-2 pr-2">
                  <span className="sr-only">Select</span>
                </th>
              )}
              <th scope="col" className="py-2 pr-4">
                Reference
              </th>
              <th scope="col" className="py-2 pr-4">
                Type and disposal
              </th>
              <th scope="col" className="py-2 pr-4">
                Inspector
              </th>
              <th scope="col" className="py-2">
                Marking
              </th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} className="border-b border-govuk-border align-top" data-testid="setup-case-row" data-reference={c.reference}>
                {isReadOnly ? null : (
                  <td className="py-2 pr-2">
                    <Checkbox
                      id={`select-${c.id}`}
                      name="caseIds"
                      value={c.id}
                      form="bulk-allocate"
                      label={<span className="sr-only">Select case {c.reference}</span>}
                    />
                  </td>
                )}
                <td className="py-2 pr-4">
                  {isReadOnly ? c.reference : <Link href={`/inspections/${inspectionId}/setup/cases/${c.id}`}>{c.reference}</Link>}
                </td>
                <td className="py-2 pr-4">
                  {CASE_TYPE_LABELS[c.type]}
                  <span className="block text-base text-govuk-secondary">
                    {DISPOSAL_LABELS[c.disposal as keyof typeof DISPOSAL_LABELS]}
                  </span>
                </td>
                <td className="py-2 pr-4" data-testid="case-inspector">
                  {isReadOnly ? (
                    (c.inspectorName ?? 'Not allocated')
                  ) : (
                    <form action={oneAction} onSubmit={one.onSubmit} className="flex flex-wrap items-end gap-2">
                      <input type="hidden" name="inspectionId" value={inspectionId} />
                      <input type="hidden" name="caseId" value={c.id} />
                      <Select
                        key={c.inspectorId ?? 'none'}
                        id={`inspector-${c.id}`}
                        name="inspectorId"
                        label={`Inspector for case ${c.reference}`}
                        isLabelHidden
                        wrapperClassName=""
                        defaultValue={c.inspectorId ?? ''}
                        options={
                          c.inspectorId && !inspectors.some((i) => i.id === c.inspectorId)
                            ? [...options, { value: c.inspectorId, label: c.inspectorName ?? 'Someone no longer on the team' }]
                            : options
                        }
                      />
                      <Button variant="secondary" disabled={isPending}>
                        Allocate<span className="sr-only"> case {c.reference}</span>
                      </Button>
                    </form>
                  )}
                </td>
                <td className="py-2">
                  <Tag colour={STATUS_COLOURS[c.status]}>{MARKING_STATUS_LABELS[c.status]}</Tag>
                  {c.answers > 0 ? <span className="block text-base text-govuk-secondary">{c.answers} answers</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
