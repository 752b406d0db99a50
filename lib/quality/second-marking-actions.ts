'use server';

import { revalidatePath } from 'next/cache';
import { runFormAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { toFormState, type FormState } from '@/lib/forms/form-state';
import { assignSecondMarking, reconcileDisagreement, saveSecondMarking, withdrawSecondMarking } from '@/lib/quality/second-marking';

// Thin: runFormAction checks the session before reading the form; lib/quality/second-marking.ts
// parses the input with zod, authorises (lib/auth/permissions.ts) inside one transaction with its
// audit entries, and notifies the ratings panel.

const refresh = () => revalidatePath('/inspections/[inspectionId]', 'layout');

export async function assignSecondMarkingAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => assignSecondMarking(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `Case ${data.reference} is picked for second marking.`);
}

export async function withdrawSecondMarkingAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => withdrawSecondMarking(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `The second marking of case ${data.reference} is withdrawn.`);
}

export async function saveSecondMarkingAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => saveSecondMarking(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) =>
    data.isSubmitted ? `Your second marking of case ${data.reference} is submitted.` : 'Your second marking is saved.',
  );
}

export async function reconcileDisagreementAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => reconcileDisagreement(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `The agreed answer to ${data.questionId} on case ${data.reference} is recorded.`);
}
