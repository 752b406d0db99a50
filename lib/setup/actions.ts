'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runFormAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { setInspectionStatus, updateInspectionDetails } from '@/lib/setup/inspections';
import { addMember, changeMemberRole, removeMember } from '@/lib/setup/team';
import { addCase, deleteCase, editCase, type CaseEditConflict } from '@/lib/setup/cases';
import { allocateCase, allocateCases, spreadUnallocatedCases } from '@/lib/setup/allocation';
import { STATUS_LABELS } from '@/lib/format/labels';
import { toFormState, type FormState } from '@/lib/forms/form-state';

// Thin: each action checks the session (runAction); lib/setup/* parses the input and
// authorises against the inspection inside its transaction.

const setupPath = (values: Record<string, unknown>) => `/inspections/${String(values.inspectionId ?? '')}/setup`;
const refresh = () => revalidatePath('/inspections/[inspectionId]', 'layout');

export async function updateInspectionDetailsAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => updateInspectionDetails(prisma, user, values));
  if (response.ok) {
    refresh();
    redirect(`${setupPath(values)}?saved=details`);
  }
  return toFormState(response, values, () => '');
}

export async function setInspectionStatusAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => setInspectionStatus(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `The inspection is now in ${STATUS_LABELS[data.status].toLowerCase()}.`);
}

export async function addMemberAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => addMember(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `${data.name} has been added to the team.`);
}

export async function changeMemberRoleAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => changeMemberRole(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `${data.name}’s role has been changed.`);
}

export async function removeMemberAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => removeMember(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) => `${data.name} has been removed from the team.`);
}

export async function addCaseAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => addCase(prisma, user, values));
  if (response.ok) {
    refresh();
    redirect(`${setupPath(values)}?added=${response.data.id}`);
  }
  return toFormState(response, values, () => '');
}

/** The set-up case form's state: a conflict carries theirs, for the form to show beside mine. */
export type EditCaseFormState = FormState<unknown> & { conflict?: CaseEditConflict };

export async function editCaseAction(_previous: unknown, formData: unknown): Promise<EditCaseFormState> {
  const { response, values } = await runFormAction(formData, (user, values) => editCase(prisma, user, values));
  if (response.ok) {
    const result = response.data;
    if (result.status === 'saved') {
      refresh();
      redirect(`${setupPath(values)}?saved=${result.id}`);
    }
    const message = result.fields.length
      ? 'Someone else changed this case after you opened it. Choose whose details to keep.'
      : 'This case changed while you were saving. Save again.';
    return { status: 'error', message, fieldErrors: {}, values, conflict: result };
  }
  return toFormState(response, values, () => '');
}

export async function deleteCaseAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => deleteCase(prisma, user, values));
  if (response.ok) {
    refresh();
    redirect(`${setupPath(values)}?deleted=1`);
  }
  return toFormState(response, values, () => '');
}

export async function allocateCaseAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => allocateCase(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) =>
    data.inspectorName
      ? `Case ${data.reference} is allocated to ${data.inspectorName}.`
      : `Case ${data.reference} is not allocated to anyone.`,
  );
}

export async function allocateCasesAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => allocateCases(prisma, user, values), {
    arrays: ['caseIds'],
  });
  refresh();
  const cases = (n: number) => `${n} ${n === 1 ? 'case' : 'cases'}`;
  return toFormState(response, values, (data) =>
    data.inspectorName ? `${cases(data.count)} allocated to ${data.inspectorName}.` : `${cases(data.count)} taken off their inspector.`,
  );
}

export async function spreadCasesAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => spreadUnallocatedCases(prisma, user, values));
  refresh();
  return toFormState(response, values, (data) =>
    data.count === 0
      ? 'Every case was already allocated.'
      : `${data.count} ${data.count === 1 ? 'case has' : 'cases have'} been spread across the inspectors.`,
  );
}
