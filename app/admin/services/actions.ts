'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { createService, updateService } from '@/lib/admin/services';
import { formDataToObject, toFormState, type FormState } from '@/lib/forms/form-state';

export async function createServiceAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => createService(prisma, user, values));
  if (response.ok) {
    revalidatePath('/admin', 'layout');
    redirect(`/admin/services?created=${response.data.id}`);
  }
  return toFormState(response, values, () => '');
}

export async function updateServiceAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => updateService(prisma, user, values));
  if (response.ok) {
    revalidatePath('/', 'layout');
    redirect(`/admin/services?updated=${response.data.id}`);
  }
  return toFormState(response, values, () => '');
}
