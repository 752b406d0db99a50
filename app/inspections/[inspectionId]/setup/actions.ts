'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { setInspectionStatus, updateInspectionDetails } from '@/lib/setup/inspections';
import { addMember, changeMemberRole, removeMember } from '@/lib/setup/team';
import { addCase, deleteCase, editCase } from '@/lib/setup/cases';
import { allocateCase, allocateCases, spreadUnallocatedCases } from '@/lib/setup/allocation';
import { STATUS_LABELS } from '@/lib/format/labels';
import { formDataToObject, toFormState, type FormState } from '@/lib/forms/form-state';

// Thin: each action checks the session (runAction); lib/setup/* parses the input and
// authorises against the inspection inside its transaction.

const setupPath = (values: Record<string, unknown>) => `/inspections/${String(values.inspectionId ?? '')}/setup`;
const refresh = () => revalidatePath('/inspections/[inspectionId]', 'layout');

export async function updateInspectionDetailsAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => updateInspectionDetails(prisma, user, values));
  if (response.ok) {
    refresh();
    redirect(`${setupPath(values)}?saved=details`);
  }
  return toFormState(response, values, () => '');
}

export async function setInspectionStatusAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => setInspectionStatus(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `The inspection is now in ${STATUS_LABELS[data.status].toLowerCase()}.`);
}

export async function addMemberAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => addMember(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `${data.name} has been added to the team.`);
}

export async function changeMemberRoleAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => changeMemberRole(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `${data.name}’s role has been changed.`);
}

export async function removeMemberAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => removeMember(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `${data.name} has been removed from the team.`);
}

export async function addCaseAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => addCase(prisma, user, values));
  if (response.ok) {
    refresh();
    redirect(`${setupPath(values)}?added=${response.data.id}`);
  }
  return toFormState(response, values, () => '');
}

export async function editCaseAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => editCase(prisma, user, values));
  if (response.ok) {
    refresh();
    redirect(`${setupPath(values)}?saved=${response.data.id}`);
  }
  return toFormState(response, values, () => '');
}

export async function deleteCaseAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => deleteCase(prisma, user, values));
  if (response.ok) {
    refresh();
    redirect(`${setupPath(values)}?deleted=1`);
  }
  return toFormState(response, values, () => '');
}

export async function allocateCaseAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => allocateCase(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) =>
    data.inspectorName ? `Case ${data.reference} is allocated to ${data.inspectorName}.` : `Case ${data.reference} is not allocated to anyone.`,
  );
}

export async function allocateCasesAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData, ['caseIds']);
  const response = await runAction((user) => allocateCases(prisma, user, values));
  refresh();
  const cases = (n: number) => `${n} ${n === 1 ? 'case' : 'cases'}`;
  return toFormState(response, values, (data) =>
    data.inspectorName ? `${cases(data.count)} allocated to ${data.inspectorName}.` : `${cases(data.count)} taken off their inspector.`,
  );
}

export async function spreadCasesAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => spreadUnallocatedCases(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) =>
    data.count === 0 ? 'Every case was already allocated.' : `${data.count} ${data.count === 1 ? 'case has' : 'cases have'} been spread across the inspectors.`,
  );
}
