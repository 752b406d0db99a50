'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { createInspection } from '@/lib/setup/inspections';
import { formDataToObject, toFormState, type FormState } from '@/lib/forms/form-state';

/** Creates an inspection (admins; lib/setup/inspections.ts refuses anyone else) and opens its set-up. */
export async function createInspectionAction(_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  const values = formDataToObject(formData);
  const response = await runAction((user) => createInspection(prisma, user, values));
  if (response.ok) {
    revalidatePath('/', 'layout');
    redirect(`/inspections/${response.data.id}/setup?created=1`);
  }
  return toFormState(response, values, () => '');
}
