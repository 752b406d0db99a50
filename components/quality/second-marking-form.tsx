'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Radios } from '@/components/ui/radios';
import { Textarea } from '@/components/ui/textarea';
import { useSubmitWithoutReset } from '@/components/ui/use-submit-without-reset';
import { fieldError, IDLE_FORM_STATE, type FormState } from '@/lib/forms/form-state';
import { saveSecondMarkingAction } from '@/lib/quality/second-marking-actions';

interface SecondMarkingQuestion {
  id: string;
  text: string;
  shortLabel: string;
  naReasons: string[];
}

export interface SecondMarkingSection {
  standardId: string;
  title: string;
  questions: SecondMarkingQuestion[];
}

type Answer = { value: string; naReason: string; note: string };

const fieldId = (questionId: string, field: 'value' | 'naReason' | 'note') => `sm-${questionId.replace(/\./g, '-')}-${field}`;

const OPTIONS = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'na', label: 'Not applicable' },
];

/**
 * The second inspector's blind marking: each key question's judgement (Yes, No, or Not
 * applicable with a reason) and an evidence note. It shows only their own answers; the first
 * marking is not on the page and not in anything it receives.
 */
export function SecondMarkingForm({
  secondMarkingId,
  version,
  sections,
  initial,
}: {
  secondMarkingId: string;
  version: number;
  sections: SecondMarkingSection[];
  initial: Record<string, Answer>;
}) {
  const [state, action, isPending] = useActionState<FormState<unknown>, FormData>(saveSecondMarkingAction, IDLE_FORM_STATE);
  const submit = useSubmitWithoutReset(action);
  const [answers, setAnswers] = useState<Record<string, Answer>>(initial);
  const set = (id: string, patch: Partial<Answer>) =>
    setAnswers((all) => ({ ...all, [id]: { ...(all[id] ?? { value: '', naReason: '', note: '' }), ...patch } }));
  const order = sections.flatMap((s) => s.questions.flatMap((q) => (['value', 'naReason', 'note'] as const).map((f) => fieldId(q.id, f))));

  return (
    <form action={action} onSubmit={submit} noValidate id="second-marking-form" data-testid="second-marking-form">
      <FormErrorSummary state={state} fallbackId="second-marking-form" order={order} />
      {state.status === 'done' ? (
        <p role="status" className="mb-4 font-bold text-govuk-success">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="secondMarkingId" value={secondMarkingId} />
      <input type="hidden" name="version" value={version} />
      {sections.map((section) => (
        <section key={section.standardId} aria-labelledby={`sm-standard-${section.standardId.replace(/\./g, '-')}`} className="mb-8">
          <h2 id={`sm-standard-${section.standardId.replace(/\./g, '-')}`} className="mb-4 text-2xl font-bold">
            {section.title}
          </h2>
          {section.questions.map((q) => {
            const answer = answers[q.id] ?? { value: '', naReason: '', note: '' };
            return (
              <div key={q.id} className="mb-6 border-b border-govuk-border pb-4" data-testid="second-marking-question" data-question={q.id}>
                <Radios
                  name={`value[${q.id}]`}
                  idPrefix={fieldId(q.id, 'value')}
                  legend={
                    <>
                      {q.id} {q.shortLabel}: {q.text}
                    </>
                  }
                  options={OPTIONS}
                  value={answer.value || null}
                  onChange={(value) => set(q.id, { value })}
                  error={fieldError(state, fieldId(q.id, 'value'))}
                />
                {answer.value === 'na' ? (
                  <div className="mt-3">
                    <Textarea
                      id={fieldId(q.id, 'naReason')}
                      name={`naReason[${q.id}]`}
                      label={`Why is ${q.id} not applicable to this case?`}
                      hint={q.naReasons.length ? `For example: ${q.naReasons.join('; ')}` : undefined}
                      rows={2}
                      value={answer.naReason}
                      onChange={(e) => set(q.id, { naReason: e.target.value })}
                      error={fieldError(state, fieldId(q.id, 'naReason'))}
                    />
                  </div>
                ) : null}
                <div className="mt-3">
                  <Textarea
                    id={fieldId(q.id, 'note')}
                    name={`note[${q.id}]`}
                    label={`Evidence note for ${q.id}`}
                    rows={3}
                    value={answer.note}
                    onChange={(e) => set(q.id, { note: e.target.value })}
                    error={fieldError(state, fieldId(q.id, 'note'))}
                  />
                </div>
              </div>
            );
          })}
        </section>
      ))}
      <p className="mb-4">
        Submitting ends blind marking: you will then see both markings of this case side by side, and cannot change yours.
      </p>
      <div className="flex flex-wrap gap-4">
        <Button name="intent" value="submit" disabled={isPending}>
          Submit second marking
        </Button>
        <Button name="intent" value="save" variant="secondary" disabled={isPending}>
          Save and come back later
        </Button>
      </div>
    </form>
  );
}
