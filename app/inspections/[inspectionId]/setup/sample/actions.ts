'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { formDataToObject, toFormState, type FormState } from '@/lib/forms/form-state';
import type { PopulationCheck } from '@/lib/sampling/population-file';
import { explainFileKind, readPopulationFile } from '@/lib/sampling/read-population-file';
import { confirmSample, drawSample, replaceSampledCase, setEligibilityWindow, setSampleSize, setSixtyForty, uploadPopulation } from '@/lib/sampling/service';

export interface UploadResult {
  check: PopulationCheck;
  fileName: string;
}

const samplePath = (values: Record<string, unknown>) => `/inspections/${String(values.inspectionId)}/setup/sample`;

/** Server actions are public endpoints: each one runs as the signed-in user, and the service authorises against the inspection. */
function finish(values: Record<string, unknown>, done: string): never {
  revalidatePath('/inspections/[inspectionId]', 'layout');
  redirect(`${samplePath(values)}?done=${done}`);
}

/**
 * Reads the uploaded list (CSV or XLSX) and keeps it only if every row is right. When a row is
 * wrong, nothing is kept and every problem comes back for the error summary.
 */
export async function uploadPopulationAction(_previous: FormState<UploadResult>, formData: FormData): Promise<FormState<UploadResult>> {
  const values = formDataToObject(formData);
  const response = await runAction(async (user) => {
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) throw new AppError('invalid', 'Select a CSV or Excel file', { file: 'Select a CSV or Excel file' });
    const kindProblem = explainFileKind(file.name);
    if (kindProblem) throw new AppError('invalid', kindProblem, { file: kindProblem });
    const read = await readPopulationFile(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) throw new AppError('invalid', read.message, { file: read.message });
    const result = await uploadPopulation(prisma, user, { inspectionId: values.inspectionId, fileName: file.name.slice(0, 255), records: read.records });
    return { ...result, fileName: file.name };
  });
  if (response.ok && response.data.isSaved) finish(values, 'uploaded');
  return toFormState(response, values, () => '');
}

export async function setWindowAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => setEligibilityWindow(prisma, user, values));
  if (response.ok) finish(values, 'window');
  return toFormState(response, values, () => '');
}

export async function setSizeAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => setSampleSize(prisma, user, values));
  if (response.ok) finish(values, 'size');
  return toFormState(response, values, () => '');
}

export async function setSixtyFortyAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => setSixtyForty(prisma, user, values));
  if (response.ok) finish(values, 'sixty-forty');
  return toFormState(response, values, () => '');
}

export async function drawSampleAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => drawSample(prisma, user, values));
  if (response.ok) finish(values, 'drawn');
  return toFormState(response, values, () => '');
}

export async function replaceSampledCaseAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => replaceSampledCase(prisma, user, values));
  if (response.ok) finish(values, 'replaced');
  return toFormState(response, values, () => '');
}

export async function confirmSampleAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => confirmSample(prisma, user, values));
  if (response.ok) {
    revalidatePath('/inspections/[inspectionId]', 'layout');
    redirect(`/inspections/${String(values.inspectionId)}/setup?sampled=${response.data.count}`);
  }
  return toFormState(response, values, () => '');
}
