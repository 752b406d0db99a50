'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runFormAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { createService, updateService } from '@/lib/admin/services';
import { toFormState, type FormState } from '@/lib/forms/form-state';

export async function createServiceAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => createService(prisma, user, values));
  if (response.ok) {
    revalidatePath('/admin', 'layout');
    redirect(`/admin/services?created=${response.data.id}`);
  }
  return toFormState(response, values, () => '');
}

export async function updateServiceAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => updateService(prisma, user, values));
  if (response.ok) {
    revalidatePath('/', 'layout');
    redirect(`/admin/services?updated=${response.data.id}`);
  }
  return toFormState(response, values, () => '');
}
