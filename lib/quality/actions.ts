'use server';

import { revalidatePath } from 'next/cache';
import { runFormAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { toFormState, type FormState } from '@/lib/forms/form-state';
import { markCaseReviewed, raiseQuery, reopenQuery, replyToQuery, resolveQuery, setQualityTarget } from '@/lib/quality/queries';

// Thin: runFormAction checks the session before reading the form; lib/quality/queries.ts parses the input with zod,
// authorises against the case inside one transaction, and notifies the panel.

const refresh = () => revalidatePath('/inspections/[inspectionId]', 'layout');

export async function raiseQueryAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => raiseQuery(prisma, user, values));
  refresh();
  return toFormState(response, values, () => 'Your query has been sent to the case’s inspector.');
}

export async function replyToQueryAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => replyToQuery(prisma, user, values));
  refresh();
  return toFormState(response, values, () => 'Your answer has been sent to the reviewer.');
}

export async function resolveQueryAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => resolveQuery(prisma, user, values));
  refresh();
  return toFormState(response, values, () => 'The query is resolved.');
}

export async function reopenQueryAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => reopenQuery(prisma, user, values));
  refresh();
  return toFormState(response, values, () => 'The query is open again.');
}

export async function markCaseReviewedAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => markCaseReviewed(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `Case ${data.reference} is recorded as reviewed.`);
}

export async function setQualityTargetAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => setQualityTarget(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `The review target is now ${data.targetPct}% of cases.`);
}
