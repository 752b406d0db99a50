'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { formDataToObject, toFormState, type FormState } from '@/lib/forms/form-state';
import { markCaseReviewed, raiseQuery, reopenQuery, replyToQuery, resolveQuery, setQualityTarget } from '@/lib/quality/queries';

// Thin: runAction checks the session; lib/quality/queries.ts parses the input with zod,
// authorises against the case inside one transaction, and notifies the panel.

const refresh = () => revalidatePath('/inspections/[inspectionId]', 'layout');

export async function raiseQueryAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => raiseQuery(prisma, user, values));
  refresh();
  return toFormState(response, values, () => 'Your query has been sent to the case’s inspector.');
}

export async function replyToQueryAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => replyToQuery(prisma, user, values));
  refresh();
  return toFormState(response, values, () => 'Your answer has been sent to the reviewer.');
}

export async function resolveQueryAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => resolveQuery(prisma, user, values));
  refresh();
  return toFormState(response, values, () => 'The query is resolved.');
}

export async function reopenQueryAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => reopenQuery(prisma, user, values));
  refresh();
  return toFormState(response, values, () => 'The query is open again.');
}

export async function markCaseReviewedAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => markCaseReviewed(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `Case ${data.reference} is recorded as reviewed.`);
}

export async function setQualityTargetAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => setQualityTarget(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `The review target is now ${data.targetPct}% of cases.`);
}
