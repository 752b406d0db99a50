'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runFormAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { createInspection } from '@/lib/setup/inspections';
import { toFormState, type FormState } from '@/lib/forms/form-state';

/** Creates an inspection (admins; lib/setup/inspections.ts refuses anyone else) and opens its set-up. */
export async function createInspectionAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => createInspection(prisma, user, values));
  if (response.ok) {
    revalidatePath('/', 'layout');
    redirect(`/inspections/${response.data.id}/setup?created=1`);
  }
  return toFormState(response, values, () => '');
}
