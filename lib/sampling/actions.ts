'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runFormAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { toFormState, type FormState } from '@/lib/forms/form-state';
import { requireManageBeforeUpload } from '@/lib/setup/manage-access';
import type { PopulationCheck } from '@/lib/sampling/population-file';
import { explainFileKind, readPopulationFile } from '@/lib/sampling/read-population-file';
import {
  confirmSample,
  drawSample,
  replaceSampledCase,
  setEligibilityWindow,
  setSampleSize,
  setSixtyForty,
  uploadPopulation,
} from '@/lib/sampling/service';

export interface UploadResult {
  check: PopulationCheck;
  fileName: string;
}

// Server actions are public endpoints: runFormAction checks the session before it reads the form
// (whatever is sent instead of form data is a clear "invalid"), and lib/sampling/service.ts
// parses the fields with zod (parseOrThrow: uuids, NUL and lone surrogates refused) and
// authorises against the inspection inside its transaction. A redirect happens only after a
// success, so its inspection id has been checked.

const samplePath = (values: Record<string, unknown>) => `/inspections/${String(values.inspectionId)}/setup/sample`;

function finish(values: Record<string, unknown>, done: string): never {
  revalidatePath('/inspections/[inspectionId]', 'layout');
  redirect(`${samplePath(values)}?done=${done}`);
}

/**
 * Reads the uploaded list (CSV or XLSX) and keeps it only if every row is right. When a row is
 * wrong, nothing is kept and every problem comes back for the error summary.
 */
export async function uploadPopulationAction(_previous: unknown, formData: unknown): Promise<FormState<UploadResult>> {
  const { response, values } = await runFormAction(formData, async (user, values) => {
    // Who, then how big, then read: the file is not touched before the actor may upload it.
    await requireManageBeforeUpload(prisma, user, values.inspectionId);
    // runFormAction has checked that this is form data.
    const file = (formData as FormData).get('file');
    if (!(file instanceof File) || file.size === 0)
      throw new AppError('invalid', 'Select a CSV or Excel file', { file: 'Select a CSV or Excel file' });
    const kindProblem = explainFileKind(file.name);
    if (kindProblem) throw new AppError('invalid', kindProblem, { file: kindProblem });
    const read = await readPopulationFile(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) throw new AppError('invalid', read.message, { file: read.message });
    const result = await uploadPopulation(prisma, user, {
      inspectionId: values.inspectionId,
      fileName: file.name.slice(0, 255),
      records: read.records,
    });
    return { ...result, fileName: file.name };
  });
  if (response.ok && response.data.isSaved) finish(values, 'uploaded');
  return toFormState(response, values, () => '');
}

export async function setWindowAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => setEligibilityWindow(prisma, user, values));
  if (response.ok) finish(values, 'window');
  return toFormState(response, values, () => '');
}

export async function setSizeAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => setSampleSize(prisma, user, values));
  if (response.ok) finish(values, 'size');
  return toFormState(response, values, () => '');
}

export async function setSixtyFortyAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => setSixtyForty(prisma, user, values));
  if (response.ok) finish(values, 'sixty-forty');
  return toFormState(response, values, () => '');
}

export async function drawSampleAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => drawSample(prisma, user, values));
  if (response.ok) finish(values, 'drawn');
  return toFormState(response, values, () => '');
}

export async function replaceSampledCaseAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => replaceSampledCase(prisma, user, values));
  if (response.ok) finish(values, 'replaced');
  return toFormState(response, values, () => '');
}

export async function confirmSampleAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => confirmSample(prisma, user, values));
  if (response.ok) {
    revalidatePath('/inspections/[inspectionId]', 'layout');
    redirect(`/inspections/${String(values.inspectionId)}/setup?sampled=${response.data.count}`);
  }
  return toFormState(response, values, () => '');
}
